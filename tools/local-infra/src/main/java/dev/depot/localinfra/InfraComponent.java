package dev.depot.localinfra;

import java.util.Map;

/** One piece of infrastructure: started once, described by the variables the services read. */
interface InfraComponent extends AutoCloseable {

    String name();

    /** Starts the component and returns the DEPOT_* variables that point the services at it. */
    Map<String, String> start() throws Exception;

    @Override
    void close() throws Exception;
}
