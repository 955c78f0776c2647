/** What operators use while barfeed runs: the Ingest MBean (JMX) and the meters at /actuator/prometheus. */
package io.barfeed.ops;
