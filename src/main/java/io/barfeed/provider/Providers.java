package io.barfeed.provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import io.barfeed.settings.BadSetting;
import io.barfeed.settings.BarfeedProperties;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

/**
 * The providers a run talks to: the one barfeed.provider names (bars), and those its reference datasets name
 * (barfeed.reference.NAME.provider). Each is built from its settings, checked as barfeed's own settings are: a
 * bad value stops the start (exit code 1) naming it.
 */
@Component("providers")
public class Providers {

    private final Map<String, Provider> byName = new LinkedHashMap<>();
    private final Provider bars;

    public Providers(Environment environment, BarfeedProperties settings, ObjectProvider<Validator> validator) {
        // A once-run leaves Spring's validation auto-configuration out (OnceModeAutoConfigurations): build one then.
        ValidationBindHandler checked = new ValidationBindHandler(new SpringValidatorAdapter(validator.getIfAvailable(
                () -> Validation.buildDefaultValidatorFactory().getValidator())));
        for (String name : namesInUse(environment)) {
            byName.put(
                    name,
                    new Provider(
                            name,
                            Provider.bind(environment, name, checked),
                            settings.fetch().symbolsPerRequest()));
        }
        this.bars = byName.get(Provider.name(environment));
        checkBars(bars, settings.fetch().timeframes());
    }

    /** What the provider of the bars cannot honour: a timeframe it does not serve, adjusted bars kept unchecked. */
    static void checkBars(Provider bars, List<String> timeframes) {
        for (String timeframe : timeframes) {
            bars.timeframeParam(timeframe.trim()); // throws, naming barfeed.fetch.timeframes
        }
        String adjustment = bars.adjustment();
        if (!adjustment.equals("raw")
                && (bars.corporateActions().types().isEmpty()
                        || bars.corporateActions().typesAdjusting(adjustment).isEmpty())) {
            throw new BadSetting(
                    bars.adjustmentSetting(),
                    "asks for " + adjustment + "-adjusted bars, which change before every new corporate action of"
                            + " those kinds, and barfeed reads no such actions from " + bars.name() + " ("
                            + bars.setting("corporate-actions.types") + " and its split-types, dividend-types,"
                            + " spin-off-types) to ask for them again: keep raw bars (the view bar_split_adjusted"
                            + " derives split-adjusted ones) or name the action types");
        }
    }

    /** The provider of the bars (barfeed.provider). */
    public Provider bars() {
        return bars;
    }

    /** The provider {@code name}, one of those in use. */
    public Provider get(String name) {
        Provider provider = name == null ? bars : byName.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("no provider " + name + " in use (in use: " + byName.keySet() + ")");
        }
        return provider;
    }

    public Collection<Provider> all() {
        return byName.values();
    }

    /** barfeed.provider, then the providers of the reference datasets barfeed.reference.load names. */
    public static List<String> namesInUse(Environment environment) {
        Set<String> names = new LinkedHashSet<>();
        names.add(Provider.name(environment));
        for (String dataset : datasets(environment)) {
            names.add(environment
                    .getProperty("barfeed.reference." + dataset + ".provider", Provider.name(environment))
                    .trim());
        }
        return new ArrayList<>(names);
    }

    /** The reference datasets a run loads (barfeed.reference.load). */
    public static List<String> datasets(Environment environment) {
        return Binder.get(environment)
                .bind("barfeed.reference.load", Bindable.listOf(String.class))
                .orElse(List.of())
                .stream()
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
    }

    @Override
    public String toString() {
        return "providers " + byName.keySet();
    }
}
