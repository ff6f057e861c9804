package io.warcast.broadcast.settings;

import java.util.Locale;

/** The RabbitMQ queue type of this server's queue ({@code x-queue-type}). */
public enum QueueType {
    /** A single-node queue: the default, the cheapest. */
    CLASSIC,
    /** A replicated queue that survives the loss of a cluster node. */
    QUORUM;

    /** The value of the {@code x-queue-type} argument. */
    public String argument() {
        return name().toLowerCase(Locale.ROOT);
    }

    static QueueType parse(Setting key, String value) {
        for (QueueType type : values()) {
            if (type.argument().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw SettingValues.refused(key, value);
    }
}
