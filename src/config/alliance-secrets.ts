// The alliance's secrets from the environment (never the configuration file, which is shared and
// printed): this platform's signing key, each shared hashing key, and the partner key each partner
// created for us. A missing one is named with the variable to set.
import { SIGNING_KEY_ENV, secretVariable, type AllianceConfig, type AllianceSecrets } from '../alliance/index.js';
import { ConfigError } from './load.js';

/** Reads every secret `alliance` needs; throws ERR_CONFIG_SECRET naming the first variable missing. */
export function allianceSecrets(alliance: Readonly<AllianceConfig>, env: Record<string, string | undefined> = process.env): AllianceSecrets {
  const need = (name: string, what: string): string => {
    const v = env[name];
    if (v === undefined || v === '') {
      throw new ConfigError('ERR_CONFIG_SECRET', `${what} is not set: set the environment variable ${name} ` +
        '(`bulwark alliance keygen` makes keys; docs/alliance.md, Keys)');
    }
    return v;
  };
  return {
    signingKey: need(SIGNING_KEY_ENV, "this platform's alliance signing key"),
    keys: Object.fromEntries(alliance.keys.map((k) => [k.id, need(secretVariable('BULWARK_ALLIANCE_KEY_', k.id), `the secret of alliance key ${k.id}`)])),
    partnerKeys: Object.fromEntries(alliance.partners.map((p) => [p.name,
      need(secretVariable('BULWARK_ALLIANCE_PARTNER_KEY_', p.name), `the partner key ${p.name} created for us`)])),
  };
}
