package io.barfeed.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.net.URIAuthority;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The provider's API keys, added by the HTTP client itself to each request for the provider's host, as its settings
 * say (barfeed.provider's key-headers and key-query): read from the environment at request time, so they never sit
 * in an exchange, a route, a route dump, a log line or application.yaml. A next-page URL the API sends without the
 * key gets it again; a request to any other host gets nothing.
 */
@Component("apiKeys")
public class ApiKeys {

    private final Environment environment;
    private final Provider provider;

    public ApiKeys(Environment environment, Provider provider) {
        this.environment = environment;
        this.provider = provider;
    }

    /** The request step that adds the keys. */
    public HttpRequestInterceptor interceptor() {
        String authority = provider.authority();
        return (request, entity, context) -> {
            if (!authority.equalsIgnoreCase(authority(request.getScheme(), request.getAuthority()))) {
                return;
            }
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
                        request.setUri(new URI(
                                        request.getScheme(),
                                        request.getAuthority().toString(),
                                        null,
                                        null,
                                        null)
                                .resolve(path + (path.contains("?") ? "&" : "?") + name + "="
                                        + URLEncoder.encode(value, StandardCharsets.UTF_8)));
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException("cannot add the key parameter " + name, e);
                    }
                }
            }
        };
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
