import { errorMessage } from '../../shared/errors.ts';
import { LIAISON_LIMITS, liaisonHttp } from '../../shared/liaison.ts';
import { visibleVenues } from '../auth/guard.ts';
import { actorOf } from '../auth/identity.ts';
import { accountRoom } from '../auth/socket-identity.ts';
import { defineDomain, type HubCore } from '../domain.ts';
import { HubError } from '../hub-error.ts';
import type { VenueSetupService } from '../venues/venue-setup-service.ts';
import { acceptFiles } from '../web/accept-files.ts';
import { serve } from '../web/serve.ts';
import { createLiaisonService, LiaisonImportRefused } from './liaison-service.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The liaison list over REST: an admin imports it (accounts for every unit's people), downloads the new one-time passwords once, and exports it. */
export function liaisonDomain(core: HubCore, deps: { venues: VenueSetupService }) {
  const liaison = createLiaisonService(
    core.db,
    { venues: deps.venues, kickAccount: (accountId) => core.io().in(accountRoom(accountId)).disconnectSockets(true) },
    core.clock.now,
  );
  return defineDomain({
    name: 'liaison',
    service: liaison,
    async routes(app) {
      acceptFiles(app, LIAISON_LIMITS.fileBytes);
      serve(app, liaisonHttp.import, { action: 'liaison:import', bodyLimit: LIAISON_LIMITS.fileBytes }, async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new HubError('BAD_PAYLOAD', 'send the file as application/octet-stream');
        const options = { takeGood: request.query.takeGood === 'true', createVenues: request.query.createVenues === 'true' };
        const consoleAddress = `${request.protocol}://${request.host}/display/console`;
        try {
          const { reply: report } = await liaison.importFile(request.body, request.query.name, options, actorOf(request.identity, request.ip), consoleAddress);
          return report;
        } catch (error) {
          if (!(error instanceof LiaisonImportRefused)) throw error;
          return reply.status(400).send({ code: error.code, message: errorMessage(error.code), detail: error.detail, ...error.report, passwordSheet: null });
        }
      });
      serve(app, liaisonHttp.passwords, { action: 'liaison:import' }, (request, reply) =>
        reply
          .type(XLSX_TYPE)
          .header('content-disposition', 'attachment; filename="eventday-one-time-passwords.xlsx"')
          .header('cache-control', 'no-store')
          .send(liaison.takePasswordSheet(request.params.sheetId, actorOf(request.identity, request.ip))),
      );
      serve(app, liaisonHttp.contacts, { action: 'liaison:contacts' }, (request) => ({
        contacts: liaison.venueContacts(visibleVenues(request.identity), request.identity.kind === 'staff' && request.identity.account.role === 'admin'),
      }));
      serve(app, liaisonHttp.export, { action: 'liaison:export' }, async (_request, reply) =>
        reply
          .type(XLSX_TYPE)
          .header('content-disposition', 'attachment; filename="eventday-liaison-list.xlsx"')
          .header('cache-control', 'no-store')
          .send(await liaison.exportFile()),
      );
    },
  });
}
