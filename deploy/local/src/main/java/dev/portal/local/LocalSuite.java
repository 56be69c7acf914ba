package dev.portal.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./portal up}: PostgreSQL, Kafka, then every service, in the foreground like {@code docker compose up}.
 * It waits until everything is ready, prints where things are, their start times and memory, and on Ctrl-C or
 * SIGTERM stops everything it started, leaving no process behind. Every start begins from the sandbox's seed with
 * empty databases and an empty broker (decision 0038); a second launcher on the same run directory, or one whose
 * ports another process holds, says so and exits before it starts anything. {@code reset} empties the run directory.
 */
public final class LocalSuite {

    private static final PrintStream OUT = System.out;

    private final SuiteSettings settings;
    private final String java;
    private final PidFile pids;
    private SuiteLock lock;
    private final List<AppProcess> apps = new ArrayList<>();
    private final long startedNanos = System.nanoTime();
    private volatile Process kafkaProcess;
    private volatile Database database;
    private volatile boolean stopping;

    LocalSuite(SuiteSettings settings, String java) {
        this.settings = settings;
        this.java = java;
        this.pids = new PidFile(settings.runDirectory());
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !List.of("up", "reset").contains(args[0])) {
            System.err.println("usage: LocalSuite up|reset   (normally run through ./portal up or ./portal reset)");
            System.exit(2);
        }
        SuiteSettings settings;
        try {
            settings = SuiteSettings.fromEnvironment(Path.of(System.getProperty("portal.root", ".")).toAbsolutePath().normalize(),
                    System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("portal: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (args[0].equals("reset")) {
            reset(settings);
            return;
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        LocalSuite suite = new LocalSuite(settings, java);
        try {
            suite.claim();
        } catch (IllegalStateException | IOException e) {
            System.err.println("portal: " + e.getMessage());
            System.exit(1);
            return;
        }
        // Ctrl-C (SIGINT) and SIGTERM both run this hook. A job started in the background by a non-interactive
        // shell inherits SIGINT as ignored, and a JVM cannot handle an ignored signal: stop those with SIGTERM.
        Runtime.getRuntime().addShutdownHook(new Thread(suite::stop, "portal-stop"));
        try {
            suite.up();
        } catch (Exception e) {
            System.err.println("portal: " + e.getMessage());
            System.exit(1);
        }
        suite.watch();
    }

    private static void reset(SuiteSettings settings) {
        try {
            List<String> deleted = FreshStart.reset(settings.runDirectory());
            OUT.println(deleted.isEmpty() ? "portal: nothing to reset in " + settings.runDirectory()
                    : "portal: emptied " + settings.runDirectory() + " (" + String.join(", ", deleted) + ")");
        } catch (IllegalStateException | IOException e) {
            System.err.println("portal: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Before anything starts: this run directory is ours alone (a second launcher exits here, leaving the running
     * suite alone), what a killed launcher left running is stopped, and every port of the suite is free.
     */
    void claim() throws IOException, InterruptedException {
        lock = SuiteLock.acquire(settings.runDirectory());
        List<String> leftovers = pids.stopLeftovers();
        if (!leftovers.isEmpty()) {
            OUT.println("stopped processes left by an earlier run: " + String.join(", ", leftovers));
        }
        List<String> held = SuitePorts.held(SuitePorts.of(settings));
        if (!held.isEmpty()) {
            throw new IllegalStateException("port(s) " + String.join(", ", held) + " already in use by another process;"
                    + " stop it, or run with PORTAL_PORT_OFFSET set (e.g. 1000)");
        }
    }

    void up() throws Exception {
        Files.createDirectories(settings.runDirectory().resolve("logs"));
        OUT.printf("portal suite: %d services, JDK %s%s, run directory %s%n", settings.services().size(),
                Runtime.version(), settings.aot() ? " with AOT cache" : "", settings.runDirectory());
        OUT.println("  starting from the seed: the sandbox keeps its records in memory, so the databases and Kafka start empty too");

        database = Database.start(settings);
        database.postmasterPid().ifPresent(pid -> ProcessHandle.of(pid).ifPresent(recordQuietly("postgres")));
        database.createFreshDatabases(settings.services().stream().map(ServiceSpec::database).filter(Objects::nonNull).toList());
        OUT.printf("  postgres   %s:%d ready after %s%n", database.host(), database.port(), since(startedNanos));

        Path launcherClasses = Path.of(LocalSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        KafkaBroker broker = new KafkaBroker(settings, java, System.getProperty("java.class.path"));
        kafkaProcess = broker.start(settings.runDirectory().resolve("logs").resolve("kafka.log"),
                launcherClasses.resolve("kafka-logback.xml"));
        pids.record("kafka", kafkaProcess.toHandle());
        broker.awaitReady(kafkaProcess, Duration.ofSeconds(90));
        OUT.printf("  kafka      %s ready after %s%n", broker.bootstrapServers(), since(startedNanos));

        Map<String, String> environment = serviceEnvironment(broker);
        for (ServiceSpec spec : settings.services()) {
            apps.add(new AppProcess(spec, settings, java, environment));
        }
        prepare();
        long servicesStarted = System.nanoTime();
        startAndAwaitReady();
        printTable(servicesStarted);
    }

    /** Extracts jars and, once per build on JDK 25+, trains the AOT caches (two at a time on small machines). */
    private void prepare() throws Exception {
        List<AppProcess> toTrain = new ArrayList<>();
        for (AppProcess app : apps) {
            app.prepare();
            if (app.needsTraining()) {
                toTrain.add(app);
            }
        }
        if (toTrain.isEmpty()) {
            return;
        }
        OUT.printf("  training AOT caches for %d service(s), once per build (set PORTAL_AOT=off to skip)...%n", toTrain.size());
        long trainingStarted = System.nanoTime();
        try (ExecutorService trainers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()))) {
            List<Future<?>> runs = new ArrayList<>();
            for (AppProcess app : toTrain) {
                runs.add(trainers.submit(() -> {
                    try {
                        app.train();
                    } catch (Exception e) {
                        OUT.printf("  %s: %s; it will start without a cache%n", app.spec.name(), e.getMessage());
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
        OUT.printf("  AOT caches ready after %s%n", since(trainingStarted));
    }

    /**
     * Starts services a few at a time (each holds a slot until it is ready), so that on two cores the first ones
     * get going instead of all of them crawling together.
     */
    private void startAndAwaitReady() throws Exception {
        Semaphore slots = new Semaphore(settings.startConcurrency());
        long deadline = System.nanoTime() + settings.readyTimeout().toNanos();
        List<AppProcess> pending = new ArrayList<>(apps);
        List<AppProcess> starting = new ArrayList<>();
        while (!pending.isEmpty() || !starting.isEmpty()) {
            while (!pending.isEmpty() && slots.tryAcquire()) {
                AppProcess app = pending.getFirst();
                if (app.spec.name().equals("sim-service") && starting.stream().anyMatch(a -> a.spec.name().equals("sandbox"))) {
                    // it reads the SFTP drop with the sandbox's host key pinned, known once the sandbox is up
                    slots.release();
                    break;
                }
                pending.removeFirst();
                app.start();
                pids.record(app.spec.name(), app.process().toHandle());
                starting.add(app);
            }
            for (AppProcess app : List.copyOf(starting)) {
                if (app.probeReady()) {
                    starting.remove(app);
                    slots.release();
                    if (app.spec.name().equals("sandbox")) {
                        pinSandboxSftpKey(settings.baseUrl(app.spec));
                    }
                    OUT.printf("  %-20s ready in %s%n", app.spec.name(), seconds(app.readyAfter()));
                } else if (!app.process().isAlive()) {
                    throw new IllegalStateException(app.spec.name() + " exited with code " + app.process().exitValue()
                            + " before it was ready; last lines of " + app.log() + ":\n" + app.logTail(25));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready within " + settings.readyTimeout() + ": "
                        + starting.stream().map(a -> a.spec.name()).toList() + "; see their logs in " + settings.runDirectory().resolve("logs"));
            }
            Thread.sleep(200);
        }
    }

    /**
     * Writes the sandbox's SFTP host key to the known_hosts file sim-service pins (PORTAL_SFTP_KNOWN_HOSTS): read from
     * the sandbox this launcher just started, so no service has to accept an unknown key.
     */
    private void pinSandboxSftpKey(String sandboxUrl) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandboxUrl + "/sandbox/admin/sftp/host-key"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher key = Pattern.compile("\"publicKey\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        if (answer.statusCode() != 200 || !key.find()) {
            throw new IllegalStateException("the sandbox did not tell its SFTP host key: " + answer.statusCode() + " " + answer.body());
        }
        Files.writeString(knownHosts(), "[127.0.0.1]:" + settings.sftpPort() + " " + key.group(1).strip() + "\n");
    }

    private Path knownHosts() {
        return settings.runDirectory().resolve("sftp-known-hosts");
    }

    private void printTable(long servicesStarted) {
        OUT.println();
        OUT.printf("%-22s %-32s %8s %-7s %9s %9s %9s%n", "PROCESS", "ADDRESS", "PID", "STATE", "READY IN", "RSS", "PSS");
        long[] totals = new long[2];
        if (database.isEmbedded()) {
            row("postgres", "postgresql://" + database.host() + ":" + database.port(), database.postmasterPid().orElse(0), null, totals);
        }
        row("kafka", "127.0.0.1:" + settings.kafkaPort(), kafkaProcess.pid(), null, totals);
        long lastReady = servicesStarted;
        for (AppProcess app : apps) {
            lastReady = Math.max(lastReady, app.readyAtNanos());
            row(app.spec.name(), settings.baseUrl(app.spec), app.process().pid(), app.readyAfter(), totals);
        }
        OUT.println();
        OUT.printf("all %d processes ready %s after start (services alone: %s); memory: RSS %s in total, PSS %s"
                        + " (shared pages counted once)%n",
                apps.size() + 1 + (database.isEmbedded() ? 1 : 0), seconds(Duration.ofNanos(lastReady - startedNanos)),
                seconds(Duration.ofNanos(lastReady - servicesStarted)), ProcessStats.mebibytes(totals[0]),
                ProcessStats.mebibytes(totals[1]));
        OUT.printf("gateway: %s   logs: %s   Ctrl-C stops everything%n",
                apps.stream().filter(a -> a.spec.name().equals("gateway")).findFirst().map(a -> settings.baseUrl(a.spec)).orElse("(not started)"),
                settings.runDirectory().resolve("logs"));
        OUT.flush();
    }

    private static void row(String name, String address, long pid, Duration readyIn, long[] totals) {
        long rss = ProcessStats.treeRssBytes(pid);
        long pss = ProcessStats.treePssBytes(pid);
        totals[0] += rss;
        totals[1] += pss;
        OUT.printf("%-22s %-32s %8d %-7s %9s %9s %9s%n", name, address, pid, readyIn == null ? "up" : "ready",
                seconds(readyIn), ProcessStats.mebibytes(rss), ProcessStats.mebibytes(pss));
    }

    /** Stays in the foreground; reports a service that dies, as docker compose does. */
    private void watch() throws InterruptedException {
        Map<AppProcess, Boolean> reported = new LinkedHashMap<>();
        while (!stopping) {
            for (AppProcess app : apps) {
                if (!app.process().isAlive() && reported.putIfAbsent(app, true) == null && !stopping) {
                    OUT.printf("%s exited with code %d; see %s%n", app.spec.name(), app.process().exitValue(), app.log());
                }
            }
            if (kafkaProcess != null && !kafkaProcess.isAlive() && reported.putIfAbsent(null, true) == null && !stopping) {
                OUT.println("kafka exited; see " + settings.runDirectory().resolve("logs").resolve("kafka.log"));
            }
            Thread.sleep(1000);
        }
    }

    /** Shutdown hook: services first (graceful, then forced), then Kafka, then PostgreSQL. */
    void stop() {
        stopping = true;
        OUT.println();
        OUT.println("stopping...");
        List<ProcessHandle> services = apps.stream().map(AppProcess::process).filter(Objects::nonNull)
                .map(Process::toHandle).toList();
        terminate(services, Duration.ofSeconds(25));
        if (kafkaProcess != null) {
            terminate(List.of(kafkaProcess.toHandle()), Duration.ofSeconds(20));
        }
        Optional<ProcessHandle> postmaster = database == null ? Optional.empty() : database.postmaster();
        if (database != null) {
            try {
                database.close();
            } catch (IOException | RuntimeException e) {
                OUT.println("postgres: " + e.getMessage());
            }
        }
        List<ProcessHandle> survivors = Stream.of(services.stream(),
                        kafkaProcess == null ? Stream.<ProcessHandle>empty() : Stream.of(kafkaProcess.toHandle()), postmaster.stream())
                .flatMap(s -> s).filter(ProcessHandle::isAlive).toList();
        if (survivors.isEmpty()) {
            try {
                pids.delete();
            } catch (IOException ignored) {
                // the next run checks start times anyway
            }
            releaseLock();
            OUT.println("stopped; nothing left running");
        } else {
            OUT.println("still running: " + survivors.stream().map(ProcessHandle::pid).toList());
        }
        OUT.flush();
    }

    private void releaseLock() {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException ignored) {
                // the kernel releases it when this process ends
            }
        }
    }

    private static void terminate(List<ProcessHandle> processes, Duration grace) {
        List<ProcessHandle> all = processes.stream().flatMap(p -> Stream.concat(Stream.of(p), p.descendants())).toList();
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception stillAlive) {
                process.destroyForcibly();
            }
        }
    }

    /** What every service is told about the infrastructure and its peers (each adds its own SERVER_PORT). */
    private Map<String, String> serviceEnvironment(KafkaBroker broker) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PORTAL_DB_HOST", database.host());
        environment.put("PORTAL_DB_PORT", Integer.toString(database.port()));
        environment.put("PORTAL_DB_USER", database.user());
        environment.put("PORTAL_DB_PASSWORD", database.password());
        environment.put("PORTAL_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        for (ServiceSpec spec : ServiceSpec.ALL) {
            environment.put(spec.urlVariable(), settings.baseUrl(spec));
        }
        // the sandbox's non-HTTP servers move with the port offset, and every client is pointed at the sandbox
        environment.put("SANDBOX_SFTP_PORT", Integer.toString(settings.sftpPort()));
        environment.put("SANDBOX_SMTP_PORT", Integer.toString(settings.smtpPort()));
        // each simulated system at the root of a port of its own, as the real ones are at their own hosts: the
        // clients resolve their paths exactly as against production (the /whmcs, ... prefixes on 8099 stay too)
        for (String system : SuiteSettings.SANDBOX_HTTP_SYSTEMS) {
            environment.put("SANDBOX_" + system.toUpperCase(Locale.ROOT) + "_PORT", Integer.toString(settings.sandboxRootPort(system)));
        }
        environment.put("PORTAL_WHMCS_URL", "http://localhost:" + settings.sandboxRootPort("whmcs"));
        environment.put("PORTAL_SALESFORCE_URL", "http://localhost:" + settings.sandboxRootPort("salesforce"));
        // the Freebit client takes the emptool API root, as i1.mvno.net/emptool/api is in production
        environment.put("PORTAL_FREEBIT_URL", "http://localhost:" + settings.sandboxRootPort("freebit") + "/emptool/api");
        environment.put("PORTAL_STRIPE_API_BASE", "http://localhost:" + settings.sandboxRootPort("stripe"));
        environment.put("PORTAL_SFTP_HOST", "127.0.0.1");
        environment.put("PORTAL_SFTP_PORT", Integer.toString(settings.sftpPort()));
        environment.put("PORTAL_SMTP_HOST", "127.0.0.1");
        environment.put("PORTAL_SMTP_PORT", Integer.toString(settings.smtpPort()));
        // the sandbox's documented demo credentials (docs/sandbox.md); real ones come from the environment only
        environment.put("PORTAL_WHMCS_IDENTIFIER", "sandbox-identifier");
        environment.put("PORTAL_WHMCS_SECRET", "sandbox-secret");
        environment.put("PORTAL_SALESFORCE_CLIENT_ID", "sandbox-client");
        environment.put("PORTAL_SALESFORCE_CLIENT_SECRET", "sandbox-secret");
        environment.put("PORTAL_FREEBIT_OEM_ID", "sandbox-oem");
        environment.put("PORTAL_FREEBIT_OEM_KEY", "sandbox-key");
        environment.put("PORTAL_STRIPE_SECRET_KEY", "sk_test_sandbox");
        environment.put("PORTAL_STRIPE_WEBHOOK_SECRET", "whsec_sandbox");
        environment.put("PORTAL_SFTP_USERNAME", "mvno");
        environment.put("PORTAL_SFTP_PASSWORD", "mvno");
        // the sandbox's host key, written when the sandbox is ready (pinSandboxSftpKey)
        environment.put("PORTAL_SFTP_KNOWN_HOSTS", knownHosts().toString());
        // sim-service's timing rules run on the Freebit simulator's clock, which end-to-end tests move
        environment.put("PORTAL_SIM_CLOCK_FOLLOW_URL", environment.get("PORTAL_SANDBOX_URL") + "/sandbox/admin/freebit/clock");
        // tokens: every service checks them against identity-service's keys; cookies over plain-HTTP localhost
        environment.put("PORTAL_SECURITY_JWKS_URI", environment.get("PORTAL_IDENTITY_URL") + "/.well-known/jwks.json");
        environment.put("PORTAL_IDENTITY_COOKIE_SECURE", "false");
        String gateway = environment.get("PORTAL_GATEWAY_URL");
        environment.put("PORTAL_IDENTITY_PASSWORD_RESET_URL", gateway + "/reset-password");
        environment.put("PORTAL_IDENTITY_EMAIL_CHANGE_URL", gateway + "/confirm-email");
        // a front end's dev server (Vite's default port) and pages served from the gateway's own origin
        environment.put("PORTAL_GATEWAY_CORS_ORIGINS", "http://localhost:5173," + gateway);
        // the sandbox's Stripe signs its webhooks to the wishlist service, through the gateway as Stripe would
        environment.put("SANDBOX_STRIPE_WEBHOOK_URLS", gateway + "/api/stripe/webhooks");
        // the sandbox's "Portal Catalog" price book (docs/sandbox/salesforce.md)
        environment.put("PORTAL_PRICEBOOK_ID", "01sSb0000000002IAA");
        // the sandbox's Freebit plan of each SIM product (WHMCS pid), which the fulfillment activates (docs/sandbox/freebit.md)
        environment.put("PORTAL_FULFILLMENT_PRODUCTS_SIMPLANS_10", "DATA_3GB");
        environment.put("PORTAL_FULFILLMENT_PRODUCTS_SIMPLANS_11", "VOICE_10GB");
        environment.put("PORTAL_FULFILLMENT_PRODUCTS_SIMPLANS_12", "VOICE_20GB");
        environment.put("PORTAL_FULFILLMENT_PRODUCTS_SIMPLANS_13", "FAMILY_VOICE_5GB");
        if (settings.jsonLogs()) {
            environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        }
        return environment;
    }

    /** Records a process for the clean-up after a killed launcher; failing to record must not stop the start. */
    private java.util.function.Consumer<ProcessHandle> recordQuietly(String name) {
        return process -> {
            try {
                pids.record(name, process);
            } catch (IOException ignored) {
                // only used to clean up after a killed launcher
            }
        };
    }

    private static String since(long nanos) {
        return seconds(Duration.ofNanos(System.nanoTime() - nanos));
    }

    private static String seconds(Duration duration) {
        return duration == null ? "-" : String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
