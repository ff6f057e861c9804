package io.warcast.api;

/** What happened to the rows of a {@link DataChange}. The codes are those of Servoy's {@code ISQLActionTypes}. */
public enum ChangeAction {
    DELETE(1),
    INSERT(2),
    UPDATE(3);

    private final int code;

    ChangeAction(int code) {
        this.code = code;
    }

    /** The numeric code users of Servoy's {@code IDataNotifyService} know: DELETE=1, INSERT=2, UPDATE=3. */
    public int code() {
        return code;
    }

    /**
     * The action for a numeric code.
     *
     * @throws IllegalArgumentException naming the code when it is not 1, 2 or 3
     */
    public static ChangeAction ofCode(int code) {
        for (ChangeAction action : values()) {
            if (action.code == code) {
                return action;
            }
        }
        throw new IllegalArgumentException(
                "Unknown change action code [" + code + "]; expected 1 (DELETE), 2 (INSERT) or 3 (UPDATE)");
    }
}
