package io.barfeed.start;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

import io.barfeed.provider.Provider;
import io.barfeed.settings.BarfeedProperties;
import io.barfeed.simulator.SimulatorPolicy;
import io.barfeed.store.CopyIn;

/**
 * The one line barfeed starts with: its version, the profiles, the database, the provider and the files in force
 * (which application.yaml, which route files), so a log always says what ran and on what.
 */
@Component
public class StartupLine implements ApplicationListener<ApplicationStartedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger("barfeed");

    private final BarfeedProperties settings;
    private final Provider provider;
    private final CopyIn copyIn;
    private final ObjectProvider<BuildProperties> build;

    public StartupLine(
            BarfeedProperties settings, Provider provider, CopyIn copyIn, ObjectProvider<BuildProperties> build) {
        this.settings = settings;
        this.provider = provider;
        this.copyIn = copyIn;
        this.build = build;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
        StartupPhases.mark(StartupPhases.Mark.STARTED);
        String phases = StartupPhases.summary();
        LOG.info(line(environment));
        if (!phases.isEmpty()) {
            LOG.info("barfeed " + phases);
        }
    }

    String line(ConfigurableEnvironment environment) {
        BuildProperties info = build.getIfAvailable();
        String[] profiles = environment.getActiveProfiles();
        return "barfeed " + (info == null ? "(development build)" : info.getVersion())
                + (settings.once()
                        ? " once"
                        : " scheduled (" + settings.schedule().cron() + ")")
                + ": profile " + (profiles.length == 0 ? "default" : String.join(",", profiles))
                + ", database " + database(environment)
                + ", provider " + settings.provider() + " at "
                + provider.baseUrl()
                + (SimulatorPolicy.serves(environment) ? " (the built-in simulator)" : "")
                + ", store " + (copyIn.inForce() ? "COPY for new bars" : "insert only (" + copyIn.off() + ")")
                + ", settings " + settingsFiles(environment)
                + ", routes " + routes(environment);
    }

    private String database(ConfigurableEnvironment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.isBlank()) {
            return "embedded PostgreSQL (" + settings.embedded().dataDir() + ")";
        }
        // Host, port and database only: a URL may carry a password.
        URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath();
    }

    /** The application.yaml files read, in force first. */
    private static String settingsFiles(ConfigurableEnvironment environment) {
        List<String> files = environment.getPropertySources().stream()
                .map(PropertySource::getName)
                .filter(name -> name.startsWith("Config resource"))
                .map(name -> name.contains("class path resource") ? "built-in " + file(name) : file(name))
                .distinct()
                .toList();
        return files.isEmpty() ? "built-in" : String.join(" over ", files);
    }

    private static String file(String propertySourceName) {
        int open = propertySourceName.indexOf('[');
        int close = propertySourceName.indexOf(']', open);
        return open < 0 || close < 0 ? propertySourceName : propertySourceName.substring(open + 1, close);
    }

    private static String routes(ConfigurableEnvironment environment) {
        String explicit = environment.getProperty("camel.main.routes-include-pattern", "");
        List<RoutesInForce.RouteFile> files = RoutesInForce.of(environment);
        if (!explicit.equals(
                files.stream().map(RoutesInForce.RouteFile::location).collect(Collectors.joining(",")))) {
            return explicit; // set explicitly, not worked out by barfeed
        }
        long builtIn = files.stream().filter(RoutesInForce.RouteFile::builtIn).count();
        String dir = environment.getProperty("barfeed.routes.dir", "routes");
        return builtIn == files.size()
                ? files.size() + " built-in files"
                : (files.size() - builtIn) + " of " + files.size() + " files from " + dir + "/"
                        + (builtIn > 0 ? ", the rest built-in" : "");
    }

    @Override
    public String toString() {
        return "startupLine";
    }
}
