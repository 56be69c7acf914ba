package dev.portal.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The suite's Maven modules as their POMs declare them: where each lives, what it depends on (the suite's own
 * libraries, main scope) and whether the build makes a container image of it.
 */
final class Modules {

    private static final Pattern ARTIFACT = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>dev\\.portal</groupId>\\s*<artifactId>([^<]+)</artifactId>(.*?)</dependency>", Pattern.DOTALL);
    /** An application opts into the image build with this property (root pom, profile "images"). */
    private static final String IMAGE_MARKER = "<jib.skip>false</jib.skip>";

    private static final Map<String, Path> DIRECTORIES = scan();

    private Modules() {
    }

    private static Map<String, Path> scan() {
        Map<String, Path> directories = new LinkedHashMap<>();
        try (Stream<Path> poms = Files.walk(Repository.ROOT, 4)) {
            poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.run/"))
                    .forEach(pom -> {
                        Matcher m = ARTIFACT.matcher(Repository.read(pom));
                        if (m.find()) {
                            directories.put(m.group(1), pom.getParent());
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directories;
    }

    static Path directory(String module) {
        Path directory = DIRECTORIES.get(module);
        if (directory == null) {
            throw new IllegalArgumentException("no module " + module + " in " + Repository.ROOT);
        }
        return directory;
    }

    static Set<String> all() {
        return DIRECTORIES.keySet();
    }

    static boolean exists(String module) {
        return DIRECTORIES.containsKey(module);
    }

    /** The module and every suite library it needs at run time, transitively. */
    static Set<String> withDependencies(String module) {
        Set<String> all = new LinkedHashSet<>();
        collect(module, all);
        return all;
    }

    private static void collect(String module, Set<String> into) {
        if (!into.add(module)) {
            return;
        }
        Matcher m = DEPENDENCY.matcher(Repository.read(directory(module).resolve("pom.xml")));
        while (m.find()) {
            String rest = m.group(2);
            if (!rest.contains("<scope>test</scope>") && !rest.contains("<type>test-jar</type>") && exists(m.group(1))) {
                collect(m.group(1), into);
            }
        }
    }

    /** The applications the build makes images of ({@code ./portal images}). */
    static List<String> imageModules() {
        return DIRECTORIES.entrySet().stream()
                .filter(e -> Repository.read(e.getValue().resolve("pom.xml")).contains(IMAGE_MARKER))
                .map(Map.Entry::getKey).sorted().toList();
    }

    static List<Path> mainSources(String module, String suffix) {
        Path main = directory(module).resolve("src/main");
        if (!Files.isDirectory(main)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
