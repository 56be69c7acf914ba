package dev.portal.clients.freebit;

/** The mobile network type of a line ({@code contractLine}). */
public enum ContractLine {
    LTE_4G("4G"), NR_5G("5G");

    private final String wire;

    ContractLine(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static ContractLine ofWire(String value) {
        for (ContractLine line : values()) {
            if (line.wire.equals(value)) {
                return line;
            }
        }
        throw new IllegalArgumentException("unknown contractLine " + value);
    }
}
