package io.warcast.broadcast.amqp;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's asynchronous errors, in one place. A broken connection is already reported once by {@link AmqpLink}
 * (as a failed attempt or a lost connection), so the client's own report of it goes to debug, not a second warning.
 */
final class LinkExceptionHandler extends ForgivingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LinkExceptionHandler.class);

    @Override
    public void handleUnexpectedConnectionDriverException(Connection connection, Throwable exception) {
        log.debug("Warcast's AMQP connection driver stopped: {}", exception.toString());
    }
}
