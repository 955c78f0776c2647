/** What a run says: its progress line, its summary, the failures it records. */
package io.barfeed.report;
