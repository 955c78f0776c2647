package io.barfeed.start;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.OnCamelContextStarted;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.Provider;
import io.barfeed.settings.BadSetting;

/**
 * The provider barfeed.provider names must have its route: without one, the first run would fail on a missing
 * endpoint. Checked as soon as Camel has started with the routes loaded, before any run (in the tests too, where
 * Camel starts after the Spring context).
 */
@Component
public class ProviderRoutesCheck implements OnCamelContextStarted {

    private final Provider provider;

    public ProviderRoutesCheck(Provider provider) {
        this.provider = provider;
    }

    @Override
    public void onContextStarted(CamelContext camel) {
        String route = provider.name() + "-page";
        if (camel.getRoute(route) == null) {
            throw new BadSetting(
                    "barfeed.provider",
                    "no route file defines the route " + route + " (from direct:" + route + ") for the provider '"
                            + provider.name() + "': add routes/providers/" + provider.name() + ".camel.yaml (README,"
                            + " \"Adding a provider\")");
        }
        if (provider.baseUrl().isBlank()) {
            throw new BadSetting(
                    "barfeed." + provider.name() + ".base-url", "is not set: where is the provider's API?");
        }
    }
}
