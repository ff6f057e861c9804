package io.warcast.api;

/**
 * What a broadcaster counts while it runs: the one list from which the provider's counters, its JMX attributes, the
 * {@link BroadcasterStatus} and the line logged at stop follow. Adding a constant adds the counter everywhere.
 */
public enum BroadcasterCounter {
    PUBLISHED("Published", false, "changes, flush requests and messages the applications of this server published"),
    DELIVERED("Delivered", false, "listener calls that returned normally"),
    LISTENER_FAILURES("ListenerFailures", false, "listener calls that threw"),
    DROPPED_OVERFLOW("DroppedOverflow", false, "events dropped because a listener's backlog was full"),
    RESYNCS("Resyncs", false, "flushes Warcast asked of listeners because they missed changes"),
    SENT("Sent", true, "messages handed to the broker, resent ones included"),
    CONFIRMED("Confirmed", true, "messages the broker confirmed it has"),
    RECEIVED("Received", true, "messages from other servers handed to this server's applications"),
    DROPPED_OUTBOX(
            "DroppedOutbox",
            true,
            "messages for other servers dropped because the outbox was full or the message too large"),
    DUPLICATES_SUPPRESSED(
            "DuplicatesSuppressed", true, "messages received again after a reconnect and not delivered twice"),
    GAPS("Gaps", true, "times a sender's sequence skipped numbers, so its messages were missed"),
    RECONNECTS("Reconnects", true, "connections made to the broker after the first"),
    UNCLAIMED("Unclaimed", true, "messages from other servers on an exchange no application of this server has joined"),
    FORGED("Forged", true, "messages refused because the broker did not vouch for the origin they claim"),
    UNTRUSTED(
            "Untrusted",
            true,
            "messages refused because their broker user is not one of amqpbroadcast.trustedpublishers");

    private final String attribute;
    private final boolean overBroker;
    private final String description;

    BroadcasterCounter(String attribute, boolean overBroker, String description) {
        this.attribute = attribute;
        this.overBroker = overBroker;
        this.description = description;
    }

    /** The JMX attribute operators read, such as {@code DuplicatesSuppressed}. */
    public String attribute() {
        return attribute;
    }

    /** The name in a log line: the attribute in lower camel case, such as {@code duplicatesSuppressed}. */
    public String logName() {
        return Character.toLowerCase(attribute.charAt(0)) + attribute.substring(1);
    }

    /** True for a counter that moves only when a broker is set: it stays 0 on a local-only server. */
    public boolean overBroker() {
        return overBroker;
    }

    /** What is counted, for JMX and the admin page. */
    public String description() {
        return description;
    }
}
