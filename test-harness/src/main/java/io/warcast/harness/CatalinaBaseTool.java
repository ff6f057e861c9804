package io.warcast.harness;

import java.nio.file.Path;

/**
 * Makes a {@link CatalinaBase} from the command line, for builds that start Tomcat with another tool (the
 * Arquillian managed container).
 */
public final class CatalinaBaseTool {

    private CatalinaBaseTool() {}

    /** Arguments: CATALINA_HOME, bundle directory, CATALINA_BASE, jvmRoute, HTTP port, manager password. */
    public static void main(String[] args) {
        if (args.length != 6) {
            throw new IllegalArgumentException("Expected 6 arguments: catalinaHome bundleDirectory catalinaBase"
                    + " jvmRoute httpPort managerPassword; got " + args.length);
        }
        CatalinaBase base = CatalinaBase.create(
                Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), args[3], Integer.parseInt(args[4]), args[5]);
        System.out.println("Made CATALINA_BASE " + base.base() + " for " + base.home() + " on port " + base.httpPort());
    }
}
