package io.warcast.broadcast.amqp;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's asynchronous errors, in one place and under Warcast's logger name. A broken connection is already
 * reported once by {@link AmqpLink} (as a failed attempt or a lost connection), so the client's own report of it goes
 * to debug, not a second warning.
 */
final class LinkExceptionHandler extends ForgivingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LinkExceptionHandler.class);

    @Override
    public void handleUnexpectedConnectionDriverException(Connection connection, Throwable exception) {
        log.debug("Warcast's AMQP connection driver stopped: {}", exception.toString());
    }

    /**
     * What the client reports of a consumer or listener that threw: a bug, so with its stack trace. The client would
     * log it as {@code com.rabbitmq.client.impl.ForgivingExceptionHandler}.
     */
    @Override
    protected void log(String message, Throwable exception) {
        log.error("Warcast's AMQP client: {}", message, exception);
    }
}
