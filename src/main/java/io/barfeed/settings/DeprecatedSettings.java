package io.barfeed.settings;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * The settings barfeed renamed, still read under their old names. The durations were once whole milliseconds under
 * names ending in {@code -ms} ({@code barfeed.fetch.run-timeout-ms=1800000}); they are durations now
 * ({@code barfeed.fetch.run-timeout=30m}). An old name keeps working: its value (a number, read as milliseconds) is
 * the new setting's, with one WARN line naming the new key. It ranks where it is set: the command line's old name
 * wins over application.yaml's new one, a new name set higher wins over the old one (in the same place, the old
 * one wins: it was set on purpose, the new one may be a copied default). The old
 * names are in the settings metadata as deprecated, with their replacements, so the start knows them.
 */
public final class DeprecatedSettings implements EnvironmentPostProcessor, Ordered {

    /** The property source answering the new names from the old ones. */
    public static final String SOURCE = "barfeed-deprecated-names";

    /** Each old name and the new one it stands for. */
    public static final Map<String, String> RENAMED = Map.of(
            "barfeed.fetch.run-timeout-ms", "barfeed.fetch.run-timeout",
            "barfeed.fetch.retry-delay-ms", "barfeed.fetch.retry-delay",
            "barfeed.fetch.max-retry-delay-ms", "barfeed.fetch.max-retry-delay",
            "barfeed.fetch.connect-timeout-ms", "barfeed.fetch.connect-timeout",
            "barfeed.fetch.response-timeout-ms", "barfeed.fetch.response-timeout",
            "barfeed.store.retry-delay-ms", "barfeed.store.retry-delay",
            "barfeed.progress.interval-ms", "barfeed.progress.interval");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        if (!sources.contains(SOURCE)) {
            sources.addFirst(new OldNames(sources));
        }
    }

    /** Before the other post-processors read a setting. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    /**
     * Answers a new name with the old name's value when the first source that sets either sets the old one. It looks
     * when asked, so sources added later (a test's properties) count too.
     */
    static final class OldNames extends PropertySource<MutablePropertySources> {

        private static final Logger LOG = LoggerFactory.getLogger("barfeed.settings");

        private final Map<String, String> oldByNew = new ConcurrentHashMap<>();
        private final Set<String> warned = ConcurrentHashMap.newKeySet();
        private final Map<PropertySource<?>, ConfigurationPropertySource> relaxed =
                Collections.synchronizedMap(new IdentityHashMap<>());

        OldNames(MutablePropertySources sources) {
            super(SOURCE, sources);
            RENAMED.forEach((old, renamed) -> oldByNew.put(renamed, old));
        }

        @Override
        public Object getProperty(String name) {
            String old = oldByNew.get(name);
            if (old == null) {
                return null;
            }
            ConfigurationPropertyName newName = ConfigurationPropertyName.of(name);
            ConfigurationPropertyName oldName = ConfigurationPropertyName.of(old);
            for (PropertySource<?> source : getSource()) {
                ConfigurationPropertySource relaxed = relaxed(source);
                if (relaxed == null) {
                    continue;
                }
                ConfigurationProperty value = relaxed.getConfigurationProperty(oldName);
                if (value == null || value.getValue() == null) {
                    if (relaxed.getConfigurationProperty(newName) != null) {
                        return null; // the new name is set here, above any old one: it is read as it is
                    }
                } else {
                    String text = value.getValue().toString().trim();
                    if (warned.add(old)) {
                        LOG.warn(
                                "{} is deprecated: set {} instead, a duration such as 500ms, 30s or 30m"
                                        + " (the old name's {} is read as {} ms)",
                                old,
                                name,
                                text,
                                text);
                    }
                    return text;
                }
            }
            return null;
        }

        /** A source as the binder reads it (names relaxed, environment variables too); null: this one, or none. */
        private ConfigurationPropertySource relaxed(PropertySource<?> source) {
            if (source == this || ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
                return null;
            }
            return relaxed.computeIfAbsent(source, ConfigurationPropertySource::from);
        }
    }
}
