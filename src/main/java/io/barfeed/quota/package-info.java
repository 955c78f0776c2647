/** The providers' quotas: the rate-limit window their answers report, even spacing, and daily budgets. */
package io.barfeed.quota;
