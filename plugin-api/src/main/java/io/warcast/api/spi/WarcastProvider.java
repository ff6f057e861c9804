package io.warcast.api.spi;

import io.warcast.api.BroadcasterStatus;
import java.util.Optional;

/**
 * A Warcast implementation, found with {@link java.util.ServiceLoader} by {@link WarcastProviders}.
 *
 * <p>The constructor must be cheap and side-effect free: several providers may be instantiated to choose one.
 * The container integration (Warcast's Tomcat listener) then calls {@link #checkSettings} when the server
 * initialises, {@link #start} once when the server starts, {@link #join} for each web application as it starts,
 * {@link #serverStarted} once the applications deployed with the server have joined, and {@link #stop} once when
 * the server stops.
 */
public interface WarcastProvider {

    /** A short name for diagnostics, such as {@code "amqp-broadcaster"}. */
    String name();

    /**
     * Reads and checks the settings {@link #start} would read, and starts nothing: no thread, no connection. The
     * container calls it as early as it can, so that a wrong setting stops the server before anything in it has
     * started. {@link #start} checks again; a provider without settings need not implement it.
     *
     * @throws IllegalArgumentException naming the setting when a setting is wrong
     */
    default void checkSettings(ServerEnvironment environment) {}

    /**
     * Starts the provider: reads its settings, starts its threads and connections.
     *
     * @throws IllegalArgumentException naming the setting when a setting is wrong
     */
    void start(ServerEnvironment environment);

    /**
     * Makes a starting web application a participant.
     *
     * @throws IllegalArgumentException naming the setting when the application's own settings are wrong
     * @throws IllegalStateException when the provider is not started
     */
    Participation join(ParticipantSpec participant);

    /**
     * The server has started, and with it every web application deployed at start-up: each has joined or failed.
     * Until then a provider may hold back what other servers sent while this one was away, so that it reaches
     * those applications rather than nobody. Called once, after {@link #start}; applications may join later too.
     */
    default void serverStarted() {}

    /** Stops the provider: every participation ends, threads and connections are closed within a time limit. */
    void stop();

    /**
     * The id this server has in what the provider sends, such as {@code Origin.serverId()}, once {@link #start}
     * returned; the container logs it. It need not be the {@link ServerEnvironment#serverId()} the container passed:
     * Warcast's broadcaster takes {@code amqpbroadcast.serverid} when it is set, that id otherwise, else the host
     * name. Empty when the provider does not tell, or has not started.
     */
    default Optional<String> serverId() {
        return Optional.empty();
    }

    /** How the provider is doing, for the admin page; {@link BroadcasterStatus#unknown()} unless it tells. */
    default BroadcasterStatus status() {
        return BroadcasterStatus.unknown();
    }
}
