package io.warcast.tomcat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Catalina;
import org.apache.catalina.startup.Constants;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.util.ContextName;
import org.apache.tomcat.util.scan.StandardJarScanner;

/** A real embedded Tomcat in its own base directory, on a free port, with the Warcast listener on its Server. */
final class EmbeddedTomcat implements AutoCloseable {

    final Tomcat tomcat = new Tomcat();
    /** The exit statuses the Warcast listener asked for: it must never end the JVM that runs the tests. */
    final List<Integer> exitStatuses = new CopyOnWriteArrayList<>();

    final Path baseDir;
    private final Path appsDir;

    EmbeddedTomcat(Path dir, String jvmRoute) {
        baseDir = dir.resolve("base");
        appsDir = dir.resolve("apps");
        try {
            Files.createDirectories(baseDir.resolve("conf"));
            Files.createDirectories(baseDir.resolve("webapps"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        tomcat.getEngine().setJvmRoute(jvmRoute);
        tomcat.getHost();
    }

    EmbeddedTomcat withWarcast() {
        tomcat.getServer().addLifecycleListener(new WarcastLifecycleListener(new StartRefusal(exitStatuses::add)));
        return this;
    }

    /** Makes the Server look as it does when Tomcat's scripts run it: Catalina, not an embedding program, owns it. */
    EmbeddedTomcat runByCatalina() {
        tomcat.getServer().setCatalina(new Catalina());
        return this;
    }

    void start() throws LifecycleException {
        tomcat.start();
    }

    /**
     * Deploys an application the way HostConfig does: a context with a {@link ContextConfig} that reads its
     * {@code web.xml}, added to the Host (which starts it when the Host runs). Its {@code web.xml} declares
     * {@link RecordingServletContextListener}; {@code warcastProperties}, when not null, becomes its
     * {@code WEB-INF/warcast.properties}.
     */
    StandardContext deploy(String path, String version, String warcastProperties) {
        ContextName name = new ContextName(path, version);
        Path docBase = appsDir.resolve(name.getBaseName());
        try {
            Files.createDirectories(docBase.resolve("WEB-INF"));
            Files.writeString(docBase.resolve("WEB-INF/web.xml"), webXml(name.getDisplayName()));
            if (warcastProperties != null) {
                Files.writeString(
                        docBase.resolve("WEB-INF/warcast.properties"), warcastProperties, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StandardContext context = new StandardContext();
        context.setName(name.getName());
        context.setPath(name.getPath());
        context.setWebappVersion(name.getVersion());
        context.setDocBase(docBase.toString());
        StandardJarScanner jarScanner = new StandardJarScanner();
        jarScanner.setScanClassPath(false);
        context.setJarScanner(jarScanner);
        ContextConfig config = new ContextConfig();
        config.setDefaultWebXml(Constants.NoDefaultWebXml);
        context.addLifecycleListener(config);
        tomcat.getHost().addChild(context);
        return context;
    }

    Context context(String path, String version) {
        return (Context) tomcat.getHost().findChild(new ContextName(path, version).getName());
    }

    private static String webXml(String application) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="true">
                  <context-param>
                    <param-name>application</param-name>
                    <param-value>%s</param-value>
                  </context-param>
                  <listener>
                    <listener-class>io.warcast.tomcat.RecordingServletContextListener</listener-class>
                  </listener>
                </web-app>
                """.formatted(application);
    }

    @Override
    public void close() throws LifecycleException {
        try {
            if (tomcat.getServer().getState().isAvailable()) {
                tomcat.stop();
            }
        } finally {
            tomcat.destroy();
        }
    }
}
