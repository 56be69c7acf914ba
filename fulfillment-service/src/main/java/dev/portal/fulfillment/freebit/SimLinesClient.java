package dev.portal.fulfillment.freebit;

import dev.portal.clients.freebit.ContractLine;
import dev.portal.clients.freebit.FreebitApiException;
import dev.portal.clients.freebit.FreebitClient;
import dev.portal.clients.freebit.LineActivation;
import dev.portal.clients.support.ExternalAuthenticationException;
import dev.portal.clients.support.ExternalRejectedException;
import dev.portal.clients.support.ExternalResponseException;
import dev.portal.fulfillment.provisioning.ParticipantRefused;
import dev.portal.fulfillment.provisioning.ParticipantUnreadable;
import dev.portal.fulfillment.provisioning.SimLines;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** {@link SimLines} on Freebit's emptool API: account detail (PA03-02) for the state, PA02-01 / PA05-41 to activate. */
@Component
class SimLinesClient implements SimLines {

    /** Freebit (sandbox code, a setting of the real system to confirm): no such account. */
    static final String NO_SUCH_ACCOUNT = "220";

    private final FreebitClient freebit;

    SimLinesClient(FreebitClient freebit) {
        this.freebit = freebit;
    }

    @Override
    public Optional<String> state(String msisdn) {
        try {
            return call(() -> Optional.ofNullable(freebit.accountDetail(msisdn).state()));
        } catch (ParticipantRefused refused) {
            if (NO_SUCH_ACCOUNT.equals(refused.code())) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    @Override
    public void activate(String msisdn, String planCode, String eid, String contractLine) {
        ContractLine network = "5G".equals(contractLine) ? ContractLine.NR_5G : ContractLine.LTE_4G;
        LineActivation activation = eid == null ? LineActivation.sim(msisdn, planCode, network)
                : LineActivation.esim(msisdn, planCode, eid, network);
        call(() -> freebit.activateLine(activation));
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (FreebitApiException e) {
            throw new ParticipantRefused("freebit", e.verdict().resultCode(), e.getMessage());
        } catch (ExternalAuthenticationException e) {
            throw new ParticipantRefused("freebit", ParticipantRefused.AUTHENTICATION, e.getMessage());
        } catch (ExternalRejectedException e) {
            throw new ParticipantRefused("freebit", String.valueOf(e.status()), e.getMessage());
        } catch (ExternalResponseException e) {
            throw new ParticipantUnreadable(e.getMessage(), e);
        }
    }
}
