package io.barfeed.start;

import org.apache.camel.CamelContext;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.barfeed.actions.ActionsPlanner;
import io.barfeed.fetch.JsonBarsReader;
import io.barfeed.provider.Provider;
import io.barfeed.reference.Dataset;
import io.barfeed.reference.ReferenceData;
import io.barfeed.settings.BadSetting;

/**
 * The provider barfeed.provider names must have its routes: without them, the first run would fail on a missing
 * endpoint. Checked once the application has started, Camel and its routes with it, before a once-run starts: a
 * failure here stops the start-up (exit code 1). (Tests that start Camel after the Spring context skip it.)
 */
@Component
@Order(0)
public class ProviderRoutesCheck implements ApplicationListener<ApplicationStartedEvent> {

    private final CamelContext camel;
    private final Provider provider;
    private final ActionsPlanner actions;
    private final ReferenceData referenceData;

    public ProviderRoutesCheck(
            CamelContext camel, Provider provider, ActionsPlanner actions, ReferenceData referenceData) {
        this.camel = camel;
        this.provider = provider;
        this.actions = actions;
        this.referenceData = referenceData;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        if (!camel.getStatus().isStarted()) {
            return;
        }
        String name = provider.name();
        require(name + "-page", "barfeed.provider");
        if (actions.enabled()) {
            require(name + "-corporate-actions-page", "barfeed." + name + ".corporate-actions.types");
        }
        if (provider.baseUrl().isBlank()) {
            throw new BadSetting("barfeed." + name + ".base-url", "is not set: where is the provider's API?");
        }
        for (Dataset dataset : referenceData.all()) {
            require(dataset.route(), dataset.provider(), "barfeed.reference.load");
        }
        // The readers the route files configure: a setting that does not fit stops the start, not the first page.
        for (JsonBarsReader reader : camel.getRegistry().findByType(JsonBarsReader.class)) {
            try {
                reader.check();
            } catch (IllegalStateException e) {
                throw new BadSetting("routes/providers (a JsonBarsReader bean)", e.getMessage(), e);
            }
        }
    }

    private void require(String route, String setting) {
        require(route, provider.name(), setting);
    }

    private void require(String route, String providerName, String setting) {
        if (camel.getRoute(route) == null) {
            throw new BadSetting(
                    setting,
                    "no route file defines the route " + route + " (from direct:" + route + ") for the provider '"
                            + providerName + "': add it to routes/providers/" + providerName
                            + ".camel.yaml (README, \"Adding a provider\")");
        }
    }
}
