package io.barfeed.reference;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;

import io.barfeed.plan.PlannedRequest;
import io.barfeed.plan.UniverseSymbol;

/**
 * A symbol's object as the parameters of its dataset's insert: each {@code :#Name} the object's field of that name
 * (else of that name in any case), converted to the type the database gives the parameter, NULL when the object has
 * none; and {@code :#stock_id}, {@code :#symbol} (the universe's) and {@code :#payload} (the whole object as JSON),
 * unless the object has fields of those names.
 */
@Component("referenceRows")
public class ReferenceRows {

    private final ReferenceData datasets;

    public ReferenceRows(ReferenceData datasets) {
        this.datasets = datasets;
    }

    /**
     * @throws RecordRejected when a value is not of its parameter's type
     */
    public Map<String, Object> row(
            @Body ReferenceRecord record,
            @Variable("dataset") Dataset dataset,
            @Variable("request") PlannedRequest request) {
        InsertParameters parameters = datasets.parameters(dataset);
        UniverseSymbol symbol = request.symbols().get(0);
        Map<String, String> fields = record.fields();
        Map<String, Object> row = new HashMap<>();
        for (String name : parameters.names()) {
            String text = field(fields, name);
            if (text == null && !fields.containsKey(name)) {
                text = switch (name) {
                    case "stock_id" -> Long.toString(symbol.stockId());
                    case "symbol" -> symbol.symbol();
                    case "payload" -> record.payload();
                    default -> null;
                };
            }
            row.put(name, parameters.convert(name, text));
        }
        return row;
    }

    private static String field(Map<String, String> fields, String name) {
        if (fields.containsKey(name)) {
            return fields.get(name);
        }
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }
}
