package io.barfeed.fetch;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.stereotype.Component;

import io.barfeed.provider.ApiKeys;

/**
 * What barfeed adds to camel-http's HTTP client (camel.component.http.http-client-configurer): the provider's key
 * headers, and the cut-off of a request at its deadline.
 */
@Component("httpClientSetup")
public class HttpClientSetup implements HttpClientConfigurer {

    private final ApiKeys keys;
    private final RequestDeadline deadline;

    public HttpClientSetup(ApiKeys keys, RequestDeadline deadline) {
        this.keys = keys;
        this.deadline = deadline;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.addRequestInterceptorFirst(keys.interceptor());
        builder.addExecInterceptorFirst("barfeed-deadline", deadline.handler());
    }

    @Override
    public String toString() {
        return "httpClientSetup";
    }
}
