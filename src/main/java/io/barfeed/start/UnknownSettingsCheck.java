package io.barfeed.start;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

import io.barfeed.provider.ProviderSettings;
import io.barfeed.provider.Providers;
import io.barfeed.settings.KnownSettings;
import io.barfeed.settings.KnownSettings.Key;
import io.barfeed.settings.UnknownSettings;

/**
 * A {@code barfeed.*} key barfeed does not know stops the start (exit code 1) before any bean is made: a typo
 * binds to nothing, so the setting it meant would keep its default unseen. Each one is named with where it is set
 * (file and line, the command line, the environment) and the known key nearest to it. Known: the settings
 * metadata (BarfeedProperties), every provider's settings ({@link ProviderSettings}, {@code barfeed.NAME.*}) for the
 * providers in use and those with a route file, the keys the route files in force read
 * ({@code {{barfeed.NAME.x}}}), and the settings of each reference dataset ({@code barfeed.reference.NAME.*})
 * that barfeed.reference.load names or that has its query and insert.
 */
public class UnknownSettingsCheck implements BeanDefinitionRegistryPostProcessor, PriorityOrdered, EnvironmentAware {

    /** bin/barfeed's own variables, not settings. */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("BARFEED_JAR", "BARFEED_JAVA");

    /** barfeed's own property sources: made from known keys. */
    private static final Set<String> OWN_SOURCES = Set.of("barfeed-simulator", "barfeed-once-mode", "barfeed-routes");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(barfeed\\.[A-Za-z0-9_.\\[\\]-]+)");
    private static final Pattern PROVIDER_ROUTE = Pattern.compile("providers/([a-z][a-z0-9-]*)\\.camel\\.yaml");

    private static final String[] DATASET_SETTINGS = {"provider", "query", "insert"};

    private ConfigurableEnvironment environment;

    /** A key as a source writes it, and where. */
    record Written(Key key, String origin) {}

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        check(environment);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // checked above, before the simulator or any other bean starts
    }

    /** Before every other post-processor: a typo is reported before what it would have changed. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    /** Throws {@link UnknownSettings} naming each barfeed.* key of {@code environment} barfeed does not know. */
    public static void check(ConfigurableEnvironment environment) {
        List<Written> written = written(environment);
        if (written.isEmpty()) {
            return;
        }
        KnownSettings known = KnownSettings.fromMetadata();
        if (known.keys().isEmpty()) {
            return; // no metadata on the class path (a build without the configuration processor): nothing to go by
        }
        for (String provider : Providers.namesInUse(environment)) {
            known.addRecord("barfeed." + provider.toLowerCase(Locale.ROOT), ProviderSettings.class);
        }
        for (String dataset : datasets(environment, written)) {
            for (String setting : DATASET_SETTINGS) {
                known.add("barfeed.reference." + dataset + "." + setting, false);
            }
        }
        List<Written> unknown = unknown(known, written);
        if (unknown.isEmpty()) {
            return;
        }
        // Only now, with a key still unknown: the route files in force, read for the keys they use.
        addRouteKeys(environment, known);
        unknown = unknown(known, written);
        if (!unknown.isEmpty()) {
            throw new UnknownSettings(unknown.stream()
                    .map(w -> new UnknownSettings.Unknown(w.key().name(), w.origin(), nearest(known, w.key())))
                    .toList());
        }
    }

    private static List<Written> unknown(KnownSettings known, List<Written> written) {
        return written.stream().filter(w -> !known.knows(w.key())).toList();
    }

    private static String nearest(KnownSettings known, Key key) {
        String nearest = known.nearest(key);
        if (nearest == null || !key.environmentVariable()) {
            return nearest;
        }
        return nearest + " ("
                + nearest.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "") + ")";
    }

    /** Every {@code barfeed.*} key each source writes, in the order of the sources, each with its origin. */
    static List<Written> written(ConfigurableEnvironment environment) {
        Map<String, Written> written = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable) || OWN_SOURCES.contains(source.getName())) {
                continue;
            }
            boolean variables = source instanceof SystemEnvironmentPropertySource;
            for (String name : enumerable.getPropertyNames()) {
                String lower = name.toLowerCase(Locale.ROOT);
                boolean barfeed = variables
                        ? (lower.startsWith("barfeed_") || lower.startsWith("barfeed."))
                                && !LAUNCHER_VARIABLES.contains(name.toUpperCase(Locale.ROOT))
                        : lower.startsWith("barfeed.");
                if (barfeed) {
                    written.putIfAbsent(
                            source.getName() + "\u0000" + name,
                            new Written(new Key(name, variables), origin(source, name)));
                }
            }
        }
        return new ArrayList<>(written.values());
    }

    /** Where a key is set: a file and its line, the command line, an environment variable, a system property. */
    static String origin(PropertySource<?> source, String name) {
        if (source instanceof SystemEnvironmentPropertySource) {
            return "the environment variable " + name;
        }
        Origin origin = PropertySourceOrigin.get(source, name);
        if (origin instanceof PropertySourceOrigin plain) {
            origin = plain.getOrigin();
        }
        if (origin != null) {
            return origin.toString();
        }
        return switch (source.getName()) {
            case "commandLineArgs" -> "the command line: --" + name;
            case "systemProperties" -> "the system property -D" + name;
            default -> "property source \"" + source.getName() + "\"";
        };
    }

    /**
     * The reference datasets: those barfeed.reference.load names, and those written with a query and an insert
     * (defined, not loaded now); a dataset name that is neither (a typo) is unknown.
     */
    private static Set<String> datasets(Environment environment, List<Written> written) {
        Set<String> datasets = new LinkedHashSet<>(Providers.datasets(environment));
        for (Written w : written) {
            String[] parts = w.key().name().split("\\.");
            if (!w.key().environmentVariable()
                    && parts.length == 4
                    && parts[1].equalsIgnoreCase("reference")
                    && environment.containsProperty("barfeed.reference." + parts[2] + ".query")
                    && environment.containsProperty("barfeed.reference." + parts[2] + ".insert")) {
                datasets.add(parts[2].toLowerCase(Locale.ROOT));
            }
        }
        return datasets;
    }

    /** Each provider with a route file gets its settings; each {@code {{barfeed.x}}} a route file reads is known. */
    private static void addRouteKeys(Environment environment, KnownSettings known) {
        DefaultResourceLoader loader = new DefaultResourceLoader();
        for (RoutesInForce.RouteFile file : RoutesInForce.of(environment)) {
            Matcher provider = PROVIDER_ROUTE.matcher(file.name());
            if (provider.matches()) {
                known.addRecord("barfeed." + provider.group(1), ProviderSettings.class);
            }
            String text;
            try (InputStream in = loader.getResource(file.location()).getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                continue; // the route check reports a file that cannot be read
            }
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                String key = placeholder.group(1);
                known.add(key.endsWith(".") ? key.substring(0, key.length() - 1) : key, false);
            }
        }
    }
}
