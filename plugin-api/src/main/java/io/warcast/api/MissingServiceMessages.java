package io.warcast.api;

/** The texts that tell a developer or operator why an application has no service. */
final class MissingServiceMessages {

    private MissingServiceMessages() {}

    static String noServiceForApplication(String application) {
        return "Warcast has no DataNotifyService for application [" + application + "]. Either the Warcast"
                + " listener is missing from server.xml (add <Listener"
                + " className=\"io.warcast.tomcat.WarcastLifecycleListener\"/> inside <Server>), or Warcast could"
                + " not start: see the first Warcast line in Tomcat's log. See the README, section \"Install\".";
    }
}
