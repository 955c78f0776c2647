/** The HTTP side of a request: its page cursor, deadline, retries, metrics, the refusals no retry changes, and the
 * reading of a provider's page into bars ({@link io.barfeed.fetch.JsonBarsReader}, named by the route files). */
package io.barfeed.fetch;
