package io.barfeed.reference;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.barfeed.plan.Plan;
import io.barfeed.plan.PlannedRequest;
import io.barfeed.plan.UniverseSymbol;
import io.barfeed.provider.Provider;
import io.barfeed.provider.Providers;
import io.barfeed.settings.BadSetting;

/**
 * The reference datasets a run loads (barfeed.reference.load), each from its settings barfeed.reference.NAME
 * (provider, query, insert), and the plan of one: a request per symbol its query gives, in the fan-out of the bars
 * (the same pool, limits, retries and failure records). A record has no time: its requests and failures span the
 * instant {@link #NO_TIME}, the same every run, so that a symbol failing run after run counts its attempts.
 */
@Component("referenceData")
public class ReferenceData {

    /** The range of a reference request and of its failures. */
    public static final Instant NO_TIME = Instant.EPOCH;

    private final Map<String, Dataset> datasets = new LinkedHashMap<>();
    private final DataSource dataSource;
    private final Map<String, InsertParameters> parameters = new ConcurrentHashMap<>();

    public ReferenceData(Environment environment, DataSource dataSource) {
        this.dataSource = dataSource;
        Binder binder = Binder.get(environment);
        for (String name : Providers.datasets(environment)) {
            String prefix = "barfeed.reference." + name + ".";
            Dataset dataset = new Dataset(
                    name,
                    binder.bind(prefix + "provider", String.class)
                            .orElse(Provider.name(environment))
                            .trim(),
                    binder.bind(prefix + "query", String.class).orElse(""),
                    binder.bind(prefix + "insert", String.class).orElse(""));
            for (String setting : List.of("query", "insert")) {
                if ((setting.equals("query") ? dataset.query() : dataset.insert()).isBlank()) {
                    throw new BadSetting(
                            dataset.setting(setting),
                            "is not set: barfeed.reference.load names " + name
                                    + " (docs/providers.md, \"Reference data\")");
                }
            }
            datasets.put(name, dataset);
        }
    }

    /** Whether a run loads any reference data. */
    public boolean any() {
        return !datasets.isEmpty();
    }

    public List<String> names() {
        return List.copyOf(datasets.keySet());
    }

    public List<Dataset> all() {
        return List.copyOf(datasets.values());
    }

    public Dataset get(String name) {
        Dataset dataset = datasets.get(name);
        if (dataset == null) {
            throw new IllegalArgumentException("no reference dataset " + name + " in barfeed.reference.load");
        }
        return dataset;
    }

    /**
     * One request per symbol of the dataset's query.
     *
     * @param rows the query's rows: stock_id, symbol
     */
    public Plan plan(@Body List<Map<String, Object>> rows, @Variable("dataset") Dataset dataset) {
        List<UniverseSymbol> due = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (!(row.get("stock_id") instanceof Number id) || row.get("symbol") == null) {
                throw new IllegalArgumentException(dataset.setting("query")
                        + " must return the columns stock_id (a number) and symbol; got " + row.keySet());
            }
            due.add(new UniverseSymbol(id.longValue(), row.get("symbol").toString(), null));
        }
        List<PlannedRequest> requests = due.stream()
                .map(symbol -> new PlannedRequest(dataset.name(), List.of(symbol), NO_TIME, NO_TIME))
                .toList();
        return new Plan(dataset.name(), due, requests, List.of(), 0);
    }

    /** Asks the database for the types of the dataset's insert now: a statement it rejects stops the start. */
    public void check(Dataset dataset) {
        parameters(dataset);
    }

    /** The parameters of the dataset's insert and their types, asked of the database once. */
    InsertParameters parameters(Dataset dataset) {
        return parameters.computeIfAbsent(dataset.name(), name -> {
            try (Connection c = dataSource.getConnection()) {
                return InsertParameters.of(c, dataset.setting("insert"), dataset.insert());
            } catch (SQLException e) {
                throw new BadSetting(dataset.setting("insert"), "cannot be checked: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public String toString() {
        return "referenceData " + datasets.keySet();
    }
}
