package io.barfeed.reference;

/**
 * One kind of reference data (barfeed.reference.NAME): per symbol of its query, one JSON object from its provider's
 * route {@code NAME}'s provider, {@code direct:PROVIDER-NAME}, into one row by its insert.
 *
 * @param name the dataset's name, in barfeed.reference.load and in barfeed.failure's timeframe column
 * @param provider the provider whose route answers it (default barfeed.provider)
 * @param query SQL giving the symbols to load now: stock_id and symbol; {@code :#dataset} is the name
 * @param insert the statement run per symbol, with the object's fields as {@code :#Name} parameters
 */
public record Dataset(String name, String provider, String query, String insert) {

    /** The provider's route that asks for one symbol's object and reads it. */
    public String route() {
        return provider + "-" + name;
    }

    /** The setting of this dataset named {@code setting}. */
    public String setting(String setting) {
        return "barfeed.reference." + name + "." + setting;
    }

    @Override
    public String toString() {
        return "dataset " + name;
    }
}
