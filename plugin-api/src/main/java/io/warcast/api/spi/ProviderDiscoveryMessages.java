package io.warcast.api.spi;

import java.util.List;

/** The texts that tell an operator what is wrong with the installation and what to do. */
final class ProviderDiscoveryMessages {

    private static final String INSTALL_HINT = "Unzip the Warcast distribution over $CATALINA_BASE so that"
            + " $CATALINA_BASE/lib holds plugin-api, amqp-broadcaster and their dependencies (see the README,"
            + " section \"Install\").";

    private ProviderDiscoveryMessages() {}

    static String noProvider(String serviceFile, List<String> broken) {
        return "No Warcast provider found: no usable " + serviceFile + " on the server's class path"
                + brokenSuffix(broken)
                + ". Applications asking for their DataNotifyService will get an IllegalStateException and no"
                + " change will be broadcast. "
                + INSTALL_HINT;
    }

    static String severalProviders(String property, String found) {
        return "Several Warcast providers found: " + found + ". Keep one of them in $CATALINA_BASE/lib, or choose"
                + " one with -D" + property + "=<class name>.";
    }

    static String requestedProviderMissing(String property, String requested, String found, List<String> broken) {
        return "The Warcast provider [" + requested + "] chosen by -D" + property + " is not installed; found " + found
                + brokenSuffix(broken) + ". " + INSTALL_HINT;
    }

    private static String brokenSuffix(List<String> broken) {
        return broken.isEmpty() ? "" : " (skipped, could not be loaded: " + String.join("; ", broken) + ")";
    }
}
