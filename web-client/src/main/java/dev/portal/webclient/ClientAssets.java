package dev.portal.webclient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's files as this jar holds them: the page shell with the asset path filled in, the asset directory, its
 * version (a hash of every asset, so a changed file is a new URL and old ones can be cached forever) and the page
 * paths the client's router knows ({@code routes.json}, read by both sides).
 */
final class ClientAssets {

    static final String ROOT = "META-INF/web-client/";
    static final String PLACEHOLDER = "{{assets}}";

    private final String version;
    private final byte[] shell;
    private final List<String> pagePaths;

    ClientAssets(String version, byte[] shell, List<String> pagePaths) {
        this.version = version;
        this.shell = shell;
        this.pagePaths = List.copyOf(pagePaths);
    }

    static ClientAssets fromClasspath() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver(ClientAssets.class.getClassLoader())
                .getResources("classpath*:" + ROOT + "app/**/*.*");
        if (files.length == 0) {
            throw new IllegalStateException("the web client's assets (" + ROOT + "app/) are not on the class path");
        }
        String version = hash(files);
        String template = read(new ClassPathResource(ROOT + "index.html"));
        byte[] shell = template.replace(PLACEHOLDER, assetPath(version)).getBytes(StandardCharsets.UTF_8);
        JsonNode routes = JsonMapper.builder().build().readTree(read(new ClassPathResource(ROOT + "app/routes.json")));
        List<String> paths = routes.valueStream().map(route -> route.path("path").asString()).toList();
        return new ClientAssets(version, shell, paths);
    }

    static String assetPath(String version) {
        return "/app/" + version;
    }

    String version() {
        return version;
    }

    byte[] shell() {
        return shell.clone();
    }

    /** Client route paths in Spring's pattern syntax ({@code /groups/:id} becomes {@code /groups/{id}}). */
    List<String> pagePatterns() {
        return pagePaths.stream().map(path -> path.replaceAll(":([A-Za-z]+)", "{$1}")).toList();
    }

    private static String hash(Resource[] files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Resource[] sorted = files.clone();
            Arrays.sort(sorted, Comparator.comparing(ClientAssets::describe));
            for (Resource file : sorted) {
                digest.update(describe(file).getBytes(StandardCharsets.UTF_8));
                try (InputStream in = file.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Resource file) {
        try {
            String url = file.getURL().toString();
            return url.substring(url.indexOf(ROOT));
        } catch (IOException e) {
            return String.valueOf(file.getFilename());
        }
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
