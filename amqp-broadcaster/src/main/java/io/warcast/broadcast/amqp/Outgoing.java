package io.warcast.broadcast.amqp;

import io.warcast.broadcast.wire.Envelope;

/** An envelope waiting to be published to an exchange. */
record Outgoing(String exchange, Envelope envelope) {}
