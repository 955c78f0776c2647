package io.barfeed.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The keys go to the provider's host only, as its settings say, and a next-page URL without the key gets it again. */
class ApiKeysTest {

    @Test
    void headersGoToTheProvidersHostOnItsDefaultPort() throws Exception {
        ApiKeys keys = keys("https://api.massive.com", "key-headers", "Authorization: Bearer {MASSIVE_API_KEY}");

        HttpRequest toProvider = send(keys, "https://api.massive.com/v2/aggs/ticker/AAPL/range/1/day/1/2");
        HttpRequest elsewhere = send(keys, "https://api.massive.com.example.org/v2/aggs");
        HttpRequest otherPort = send(keys, "https://api.massive.com:8443/v2/aggs");

        assertThat(toProvider.getFirstHeader("Authorization").getValue()).isEqualTo("Bearer secret");
        assertThat(elsewhere.getFirstHeader("Authorization")).isNull();
        assertThat(otherPort.getFirstHeader("Authorization")).isNull();
    }

    @Test
    void aQueryKeyIsAddedOnceToANextUrlSentWithoutIt() throws Exception {
        ApiKeys keys = keys("http://localhost:8089", "key-query", "apiKey={MASSIVE_API_KEY}");

        HttpRequest next = send(keys, "http://localhost:8089/v2/aggs/ticker/AAPL/range/1/day/1/2?cursor=abc");
        HttpRequest first = send(keys, "http://localhost:8089/v2/aggs/ticker/AAPL/range/1/day/1/2");
        HttpRequest already = send(keys, "http://localhost:8089/v2/aggs?apiKey=mine");

        assertThat(next.getPath()).isEqualTo("/v2/aggs/ticker/AAPL/range/1/day/1/2?cursor=abc&apiKey=secret");
        assertThat(first.getPath()).isEqualTo("/v2/aggs/ticker/AAPL/range/1/day/1/2?apiKey=secret");
        assertThat(already.getPath()).isEqualTo("/v2/aggs?apiKey=mine");
    }

    @Test
    void aKeyWhoseVariableIsNotSetIsLeftOut() throws Exception {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("barfeed.provider", "massive")
                .withProperty("barfeed.massive.base-url", "https://api.massive.com")
                .withProperty("barfeed.massive.key-headers[0]", "Authorization: Bearer {MASSIVE_API_KEY}");
        ApiKeys keys = new ApiKeys(environment, new Provider(environment));

        assertThat(send(keys, "https://api.massive.com/v2/aggs").getFirstHeader("Authorization"))
                .isNull();
    }

    private static ApiKeys keys(String baseUrl, String setting, String template) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("barfeed.provider", "massive")
                .withProperty("barfeed.massive.base-url", baseUrl)
                .withProperty("barfeed.massive." + setting + "[0]", template)
                .withProperty("MASSIVE_API_KEY", "secret");
        return new ApiKeys(environment, new Provider(environment));
    }

    private static HttpRequest send(ApiKeys keys, String url) throws Exception {
        HttpRequest request = new BasicHttpRequest("GET", URI.create(url));
        keys.interceptor().process(request, null, null);
        return request;
    }
}
