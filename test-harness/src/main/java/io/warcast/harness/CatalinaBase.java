package io.warcast.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh {@code CATALINA_BASE} for a Tomcat distribution: the distribution's configuration, a server.xml on a
 * free loopback port with Warcast's listener, the manager application with a user of its own, and the Warcast
 * bundle unzipped over it exactly as an operator would. Made by {@link #create}, or found by {@link #existing}.
 *
 * @param home the unpacked Tomcat distribution ({@code CATALINA_HOME})
 * @param base the base directory
 * @param httpPort the loopback HTTP port
 * @param jvmRoute the Engine's jvmRoute, which is also Warcast's server id
 * @param managerPassword the password of {@link #MANAGER_USER}
 */
public record CatalinaBase(Path home, Path base, int httpPort, String jvmRoute, String managerPassword) {

    public static final String MANAGER_USER = "warcast-harness";
    private static final List<String> GENERATED_CONF = List.of("server.xml", "tomcat-users.xml");

    public CatalinaBase {
        home = home.toAbsolutePath();
        base = base.toAbsolutePath();
    }

    /**
     * Makes a new base, replacing whatever was at {@code base}.
     *
     * @param home the unpacked Tomcat distribution ({@code CATALINA_HOME})
     * @param bundle the unpacked Warcast distribution bundle (holds {@code lib/} and {@code conf/})
     * @param base where to make the base
     * @param jvmRoute the Engine's jvmRoute, which is also Warcast's server id
     * @param httpPort the loopback HTTP port
     */
    public static CatalinaBase create(Path home, Path bundle, Path base, String jvmRoute, int httpPort) {
        return create(home, bundle, base, jvmRoute, httpPort, UUID.randomUUID().toString());
    }

    /** Like {@link #create(Path, Path, Path, String, int)}, with the manager user's password given. */
    public static CatalinaBase create(
            Path home, Path bundle, Path base, String jvmRoute, int httpPort, String managerPassword) {
        requireDirectory(home.resolve("bin"), "Tomcat distribution (CATALINA_HOME)");
        requireDirectory(bundle.resolve("lib"), "Warcast bundle");
        CatalinaBase catalinaBase = new CatalinaBase(home, base, httpPort, jvmRoute, managerPassword);
        catalinaBase.build(bundle);
        return catalinaBase;
    }

    /** The base made earlier by {@link #create} at {@code base}, for a test that runs against it. */
    public static CatalinaBase existing(Path home, Path base, String jvmRoute, int httpPort, String managerPassword) {
        requireDirectory(base.resolve("conf"), "CATALINA_BASE");
        return new CatalinaBase(home, base, httpPort, jvmRoute, managerPassword);
    }

    private void build(Path bundle) {
        Files2.deleteTree(base);
        for (String directory : List.of("conf", "lib", "logs", "temp", "work", "webapps")) {
            createDirectories(base.resolve(directory));
        }
        try (Stream<Path> confFiles = Files.list(home.resolve("conf"))) {
            confFiles
                    .filter(file -> !GENERATED_CONF.contains(file.getFileName().toString()))
                    .forEach(file -> Files2.copyTree(
                            file,
                            base.resolve("conf").resolve(file.getFileName().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + home.resolve("conf"), e);
        }
        Files2.write(
                base.resolve("conf/server.xml"),
                Files2.resource("server.xml")
                        .replace("@HTTP_PORT@", Integer.toString(httpPort))
                        .replace("@JVM_ROUTE@", jvmRoute));
        Files2.write(
                base.resolve("conf/tomcat-users.xml"),
                Files2.resource("tomcat-users.xml")
                        .replace("@USER@", MANAGER_USER)
                        .replace("@PASSWORD@", managerPassword));
        Files2.copyTree(home.resolve("webapps/manager"), base.resolve("webapps/manager"));
        Files2.copyTree(bundle, base);
    }

    /** Replaces {@code conf/warcast.properties}. */
    public void writeWarcastProperties(String content) {
        Files2.write(base.resolve("conf/warcast.properties"), content);
    }

    /** Without the manager password, which a failure message must not show. */
    @Override
    public String toString() {
        return "CatalinaBase[" + base + ", port " + httpPort + ", jvmRoute " + jvmRoute + "]";
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    public String managerUser() {
        return MANAGER_USER;
    }

    /** Today's {@code logs/catalina.<date>.log}, where Tomcat and Warcast log. */
    public Path catalinaLog() {
        return base.resolve("logs/catalina." + LocalDate.now() + ".log");
    }

    /** Everything the Tomcat process wrote to its standard output and error. */
    public Path consoleLog() {
        return base.resolve("logs/console.out");
    }

    private static void requireDirectory(Path directory, String what) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("Not a " + what + ": " + directory + " is missing");
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }
}
