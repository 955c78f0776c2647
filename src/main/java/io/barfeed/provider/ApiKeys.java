package io.barfeed.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.net.URIAuthority;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The providers' API keys, added by the HTTP client itself to each request for a provider's host, as its settings
 * say (barfeed.NAME.key-headers and key-query): read from the environment at request time, so they never sit in an
 * exchange, a route, a route dump, a log line or application.yaml. A next-page URL the API sends without the key
 * gets it again; a request to any other host gets nothing.
 */
@Component("apiKeys")
public class ApiKeys {

    private final Environment environment;
    private final List<Provider> providers;

    @Autowired
    public ApiKeys(Environment environment, Providers providers) {
        this(environment, providers.all());
    }

    public ApiKeys(Environment environment, Provider provider) {
        this(environment, List.of(provider));
    }

    ApiKeys(Environment environment, Collection<Provider> providers) {
        this.environment = environment;
        this.providers = List.copyOf(providers);
    }

    /** The request step that adds the keys of the provider whose host the request goes to. */
    public HttpRequestInterceptor interceptor() {
        List<String> authorities = providers.stream().map(Provider::authority).toList();
        return (request, entity, context) -> {
            String to = authority(request.getScheme(), request.getAuthority());
            for (int i = 0; i < providers.size(); i++) {
                if (authorities.get(i).equalsIgnoreCase(to)) {
                    addKeys(providers.get(i), request);
                }
            }
        };
    }

    private void addKeys(Provider provider, HttpRequest request) {
        for (String header : provider.keyHeaders()) {
            int colon = header.indexOf(':');
            String value = Provider.fill(header.substring(colon + 1).trim(), environment);
            if (colon > 0 && value != null) {
                request.setHeader(header.substring(0, colon).trim(), value);
            }
        }
        for (String parameter : provider.keyQuery()) {
            int eq = parameter.indexOf('=');
            String value = Provider.fill(parameter.substring(eq + 1).trim(), environment);
            String name = parameter.substring(0, Math.max(eq, 0)).trim();
            if (eq > 0 && value != null && !hasParameter(request.getPath(), name)) {
                String path = request.getPath();
                try {
                    request.setUri(
                            new URI(request.getScheme(), request.getAuthority().toString(), null, null, null)
                                    .resolve(path + (path.contains("?") ? "&" : "?") + name + "="
                                            + URLEncoder.encode(value, StandardCharsets.UTF_8)));
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("cannot add the key parameter " + name, e);
                }
            }
        }
    }

    /** {@code host:port} of a request, its port named even when it is the scheme's default. */
    private static String authority(String scheme, URIAuthority authority) {
        if (authority == null) {
            return "";
        }
        int port = authority.getPort() >= 0 ? authority.getPort() : Provider.defaultPort(scheme);
        return authority.getHostName() + ":" + port;
    }

    private static boolean hasParameter(String path, String name) {
        int query = path.indexOf('?');
        return query >= 0 && ("&" + path.substring(query + 1)).contains("&" + name + "=");
    }

    @Override
    public String toString() {
        return "apiKeys"; // never the keys
    }
}
