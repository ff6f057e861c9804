package io.warcast.broadcast.amqp;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warcast.broadcast.settings.BroadcasterSettings;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * Opens this server's connection to the broker, named {@code warcast <serverid>}, with the timeouts, heartbeat,
 * credentials and TLS of the settings. The client's automatic recovery is off: {@link AmqpLink} reconnects itself and
 * declares everything again.
 */
final class AmqpConnector {

    private final TlsConnectionFactory factory = new TlsConnectionFactory();
    private final Address[] addresses;
    private final String connectionName;
    private final String target;

    /** @param consumerThreads the threads that run consumers, shared by every connection */
    AmqpConnector(BroadcasterSettings settings, ExecutorService consumerThreads) {
        factory.setUsername(settings.username());
        factory.setPassword(settings.password());
        factory.setVirtualHost(settings.virtualHost());
        factory.setConnectionTimeout(toInt(settings.connectionTimeoutMs()));
        factory.setHandshakeTimeout(toInt(settings.handshakeTimeoutMs()));
        factory.setShutdownTimeout(toInt(settings.shutdownTimeoutMs()));
        factory.setChannelRpcTimeout(toInt(settings.rpcTimeoutMs()));
        factory.setRequestedHeartbeat(settings.heartbeatSeconds());
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setThreadFactory(new ServerThreads("io"));
        factory.setSharedExecutor(consumerThreads);
        factory.setExceptionHandler(new LinkExceptionHandler());
        settings.tls().ifPresent(tls -> factory.useTls(TlsContexts.create(tls), tls.verifyHostname()));
        addresses = settings.brokers().stream()
                .map(broker -> new Address(broker.host(), broker.port()))
                .toArray(Address[]::new);
        connectionName = "warcast " + settings.serverId();
        target = settings.brokers().stream().map(Object::toString).collect(Collectors.joining(","));
    }

    /** Tries the brokers in turn. */
    Connection open() throws IOException, TimeoutException {
        return factory.newConnection(addresses, connectionName);
    }

    /** The brokers, {@code host:port[,host:port]}, for messages. */
    String target() {
        return target;
    }

    String connectionName() {
        return connectionName;
    }

    /**
     * The client's public {@code useSslProtocol(SSLContext)} always turns host name verification on (amqp-client 5.x),
     * which would ignore {@code amqpbroadcast.ssl.verifyhostname=false}; its protected variant takes the choice.
     */
    static final class TlsConnectionFactory extends ConnectionFactory {

        void useTls(SSLContext context, boolean verifyHostname) {
            useSslProtocol(context, verifyHostname);
        }
    }

    private static int toInt(long milliseconds) {
        return (int) Math.min(milliseconds, Integer.MAX_VALUE);
    }
}
