package dev.portal.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every port the suite is going to listen on, checked before anything starts: a port another process holds would
 * otherwise show up late and misleadingly (a broker that dies on its controller port while the readiness check
 * talks to someone else's broker on 9092, a service that cannot bind while another answers its probe).
 */
final class SuitePorts {

    private SuitePorts() {
    }

    /** The ports of this run by what will listen on them, e.g. {@code kafka controller -> 19093}. */
    static Map<String, Integer> of(SuiteSettings settings) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (settings.postgresUrl() == null) {
            ports.put("postgres", settings.postgresPort());
        }
        ports.put("kafka", settings.kafkaPort());
        ports.put("kafka controller", settings.kafkaControllerPort());
        for (ServiceSpec service : settings.services()) {
            ports.put(service.name(), settings.port(service));
            if (service.managementPort() != 0) {
                ports.put(service.name() + " management", settings.managementPort(service));
            }
            if (service.name().equals("sandbox")) {
                ports.put("sandbox sftp", settings.sftpPort());
                ports.put("sandbox smtp", settings.smtpPort());
                for (String system : SuiteSettings.SANDBOX_HTTP_SYSTEMS) {
                    ports.put("sandbox " + system, settings.sandboxRootPort(system));
                }
            }
        }
        return ports;
    }

    /** The ports of {@code ports} that cannot be bound now, described for the user; empty when all are free. */
    static List<String> held(Map<String, Integer> ports) {
        List<String> held = new ArrayList<>();
        ports.forEach((name, port) -> {
            if (!free(port)) {
                held.add(port + " (" + name + ")");
            }
        });
        return held;
    }

    /**
     * Whether this process could listen on the port. Address reuse as the servers set it, so a port whose last
     * connections are only in TIME_WAIT after a stopped suite counts as free, as it is for them.
     */
    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
