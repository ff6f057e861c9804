package io.warcast.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Broker users a test creates on this machine's RabbitMQ (virtual host {@code /}) with {@code rabbitmqctl}, and
 * removes again with {@link #deleteAll()}, which a test calls in {@code @AfterAll}. Each name gets a suffix of its
 * own, so that tests running at the same time never share a user. RabbitMQ only: the embedded Qpid broker has no
 * {@code rabbitmqctl}.
 */
public final class BrokerUsers {

    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(60);

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> created = new ArrayList<>();

    /** A broker user and its password; {@link #toString()} masks the password. */
    public record User(String name, String password) {
        @Override
        public String toString() {
            return name + ":****";
        }
    }

    /** Creates the user {@code <prefix>-<suffix>} with a random password and no permissions. */
    public synchronized User add(String prefix) {
        User user = new User(prefix + "-" + suffix, UUID.randomUUID().toString());
        try {
            Commands.run(null, COMMAND_LIMIT, List.of("rabbitmqctl", "-q", "add_user", user.name(), user.password()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("rabbitmqctl add_user " + user + " failed: "
                    + String.valueOf(e.getMessage()).replace(user.password(), "****"));
        }
        created.add(user.name());
        return user;
    }

    /**
     * Sets the user's permissions on virtual host {@code /}: regular expressions of the names of the exchanges and
     * queues it may configure (declare, delete), write (publish to; bind a queue, for the queue) and read (consume
     * from; bind a queue, for the exchange). {@code "^$"} allows nothing.
     */
    public void permit(User user, String configure, String write, String read) {
        run("set_permissions", "-p", "/", user.name(), configure, write, read);
    }

    /** Deletes every user this made; says which it could not delete instead of throwing. */
    public synchronized void deleteAll() {
        for (String name : created) {
            try {
                run("delete_user", name);
            } catch (RuntimeException e) {
                System.out.println("[broker] could not delete broker user " + name + ": " + e.getMessage());
            }
        }
        created.clear();
    }

    private static void run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(arguments));
        Commands.run(null, COMMAND_LIMIT, command);
    }
}
