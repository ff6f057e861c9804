package io.warcast.broadcast.wire;

/**
 * How much a receiver accepts in one message.
 *
 * @param maxMessageBytes the largest body, in bytes ({@code amqpbroadcast.maxmessagesize})
 * @param maxKeys the most primary keys one change may carry
 * @param maxColumns the most columns in one key or in a change's column values
 */
public record WireLimits(int maxMessageBytes, int maxKeys, int maxColumns) {

    public static final WireLimits DEFAULT = new WireLimits(1_048_576, 10_000, 1_000);

    public WireLimits {
        if (maxMessageBytes < 1 || maxKeys < 1 || maxColumns < 1) {
            throw new IllegalArgumentException(
                    "Wire limits must be positive: " + maxMessageBytes + ", " + maxKeys + ", " + maxColumns);
        }
    }
}
