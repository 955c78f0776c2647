package io.barfeed.stream;

import io.barfeed.run.Run;

/** A repair to run after a connection started streaming: the connection, and its run, which the repair is part of. */
public record StreamRepair(Run run, StreamConnection connection) {}
