package io.barfeed.start;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.camel.Route;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.barfeed.validate.RoutesValidator;
import io.barfeed.validate.RoutesValidator.Problem;

/**
 * Live reload of the route files under {@code barfeed.routes.dir} ({@code barfeed.routes.reload}): Camel's watcher,
 * with each edited file checked first as {@code validate routes} checks it. An edit with a problem is not loaded: one
 * ERROR per problem names the file and line, and the routes from before the edit keep running. A good edit replaces
 * its file's routes and says so in one line: the file and its route ids.
 */
public class RoutesReload extends RouteWatcherReloadStrategy {

    private static final Logger LOG = LoggerFactory.getLogger("barfeed.routes");

    public RoutesReload(String directory) {
        super(directory, true);
        setPattern("*.camel.yaml");
        setRemoveAllRoutes(false); // the other files' routes, the jar's among them, stay as they are
    }

    @Override
    protected void onRouteReload(Collection<Resource> resources, boolean removeEverything) {
        List<Problem> problems = new ArrayList<>();
        try {
            RoutesValidator validator = new RoutesValidator();
            for (Resource resource : resources) {
                Path file = file(resource);
                if (file != null) {
                    problems.addAll(validator.problemsOf(file));
                }
            }
        } catch (IOException e) {
            LOG.error("barfeed did not reload {}: {}; the routes from before the edit keep running", resources, e);
            return;
        }
        if (!problems.isEmpty()) {
            for (Problem problem : problems) {
                LOG.error("barfeed did not reload {}; the routes from before the edit keep running", problem);
            }
            return;
        }
        super.onRouteReload(resources, removeEverything);
        for (Resource resource : resources) {
            List<String> ids = getCamelContext().getRoutes().stream()
                    .filter(route -> sameFile(route, resource))
                    .map(Route::getRouteId)
                    .toList();
            LOG.info("barfeed reloaded {}: routes {}", resource.getLocation().replaceFirst("^file:", ""), ids);
        }
    }

    private static boolean sameFile(Route route, Resource resource) {
        Resource source = route.getSourceResource();
        Path a = source == null ? null : file(source);
        Path b = file(resource);
        return a != null && a.equals(b);
    }

    private static Path file(Resource resource) {
        String location = resource.getLocation();
        return location == null || !location.startsWith("file:")
                ? null
                : Path.of(location.substring("file:".length())).toAbsolutePath().normalize();
    }
}
