package dev.portal.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize}, as a deployment pipeline would: the tests check what would
 * be applied, not the sources. Each directory is rendered once per test JVM.
 */
final class Kustomize {

    private static final Map<Path, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    static Manifests overlay(String name) {
        return render(Repository.K8S.resolve("overlays").resolve(name));
    }

    static Manifests render(Path directory) {
        return RENDERED.computeIfAbsent(directory.toAbsolutePath().normalize(), Kustomize::run);
    }

    private static Manifests run(Path directory) {
        ProcessBuilder builder = new ProcessBuilder("kubectl", "kustomize", directory.toString());
        try {
            Process process = builder.redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + directory + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + directory + " failed:\n" + new String(err, StandardCharsets.UTF_8));
            }
            return Manifests.parse(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("kubectl is needed to render the manifests (./portal test installs it: "
                    + "apt-get install -y kubectl): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
