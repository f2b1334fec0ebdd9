import { describe, expect, it } from "vitest";
import webpush from "web-push";
import { ConfigError, loadConfig } from "./config.ts";

describe("configuration", () => {
  it("defaults to port 3000 and the embedded database", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.mongodbUri).toBeUndefined();
    expect(config.publicUrl).toBe("http://localhost:3000");
  });

  it("names every bad variable in Italian and English", () => {
    const attempt = () => loadConfig({ PORT: "tremila", MONGODB_URI: "postgres://x" });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("Configurazione non valida / Invalid configuration");
      expect(message).toContain("PORT");
      expect(message).toContain("MONGODB_URI");
      expect(message).toContain('"tremila"');
    }
  });

  it("takes MONGODB_URI to switch to a real MongoDB", () => {
    expect(loadConfig({ MONGODB_URI: "mongodb://db1,db2/?replicaSet=rs0", PORT: "8080" })).toMatchObject({
      mongodbUri: "mongodb://db1,db2/?replicaSet=rs0",
      port: 8080,
      publicUrl: "http://localhost:8080",
    });
  });

  it("generates video links on meet.jit.si unless a self-hosted https Jitsi is configured", () => {
    expect(loadConfig({}).jitsiBaseUrl).toBe("https://meet.jit.si");
    expect(loadConfig({ JITSI_BASE_URL: "https://jitsi.comune.example.it/" }).jitsiBaseUrl).toBe(
      "https://jitsi.comune.example.it",
    );
    expect(() => loadConfig({ JITSI_BASE_URL: "http://jitsi.local" })).toThrow(/JITSI_BASE_URL/);
  });

  it("leaves Slack off when no Slack setting is given", () => {
    expect(loadConfig({}).slack).toBeNull();
  });

  it("reads one workspace's Slack settings, defaulting the API to Slack's own", () => {
    const config = loadConfig({ SLACK_SIGNING_SECRET: "s3cr3t-signing", SLACK_BOT_TOKEN: "xoxb-1-2" });
    expect(config.slack).toEqual({
      signingSecret: "s3cr3t-signing",
      botToken: "xoxb-1-2",
      appToken: null,
      apiUrl: "https://slack.com/api/",
      oauth: null,
    });
  });

  it("names what is missing from a half-given Slack configuration", () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1-2" })).toThrow(
      /manca \/ missing SLACK_SIGNING_SECRET/,
    );
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: "s3cr3t-signing" })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => loadConfig({ SLACK_APP_TOKEN: "xapp-1" })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() =>
      loadConfig({ SLACK_BOT_TOKEN: "xoxp-user-token", SLACK_SIGNING_SECRET: "s3cr3t-signing" }),
    ).toThrow(/SLACK_BOT_TOKEN/);
  });

  it("takes Socket Mode without a signing secret, and OAuth without a bot token", () => {
    expect(loadConfig({ SLACK_APP_TOKEN: "xapp-1", SLACK_BOT_TOKEN: "xoxb-1" }).slack?.appToken).toBe(
      "xapp-1",
    );
    const oauth = loadConfig({
      SLACK_SIGNING_SECRET: "s3cr3t-signing",
      SLACK_CLIENT_ID: "123.456",
      SLACK_CLIENT_SECRET: "client-secret",
      SLACK_STATE_SECRET: "a-state-secret-of-16+",
      SLACK_API_URL: "http://127.0.0.1:9999/api",
    }).slack;
    expect(oauth?.oauth?.clientId).toBe("123.456");
    expect(oauth?.apiUrl).toBe("http://127.0.0.1:9999/api/");
  });

  it("lets subscriptions name only browsers' push services, loopback too outside a deployment", () => {
    expect(loadConfig({}).push.serviceHosts).toEqual(
      expect.arrayContaining(["fcm.googleapis.com", "127.0.0.1"]),
    );
    for (const deployed of [{ PUBLIC_URL: "https://tavoli.example.it" }, { NODE_ENV: "production" }]) {
      const hosts = loadConfig(deployed).push.serviceHosts;
      expect(hosts).toContain("push.services.mozilla.com");
      expect(hosts).not.toContain("127.0.0.1");
      expect(hosts).not.toContain("localhost");
    }
    expect(loadConfig({ PUSH_SERVICE_HOSTS: " push.example.it, Other.example " }).push.serviceHosts).toEqual([
      "push.example.it",
      "other.example",
    ]);
  });

  it("generates the Web Push keys unless both are given, and signs as the mail sender by default", () => {
    expect(loadConfig({}).push).toMatchObject({
      vapidKeys: null,
      subject: "mailto:noreply@tavoli.localhost",
    });
    expect(loadConfig({ MAIL_FROM: "Comune di Alfa <tavoli@comune-alfa.it>" }).push.subject).toBe(
      "mailto:tavoli@comune-alfa.it",
    );
    expect(loadConfig({ MAIL_FROM: "tavoli@comune-alfa.it" }).push.subject).toBe(
      "mailto:tavoli@comune-alfa.it",
    );
    expect(
      loadConfig({ MAIL_FROM: "Tavoli", PUBLIC_URL: "https://tavoli.comune-alfa.it" }).push.subject,
    ).toBe("https://tavoli.comune-alfa.it");
    expect(() => loadConfig({ MAIL_FROM: "Tavoli" })).toThrow(/VAPID_SUBJECT/);
    expect(loadConfig({ VAPID_SUBJECT: "mailto:dpo@comune-alfa.it" }).push.subject).toBe(
      "mailto:dpo@comune-alfa.it",
    );
    expect(() => loadConfig({ VAPID_SUBJECT: "http://comune-alfa.it" })).toThrow(/VAPID_SUBJECT/);

    const pair = webpush.generateVAPIDKeys();
    expect(
      loadConfig({ VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey }).push.vapidKeys,
    ).toEqual(pair);
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: pair.publicKey })).toThrow(
      /manca \/ missing VAPID_PRIVATE_KEY/,
    );
    expect(() => loadConfig({ VAPID_PRIVATE_KEY: pair.privateKey })).toThrow(/VAPID_PUBLIC_KEY/);
    const other = webpush.generateVAPIDKeys();
    expect(() =>
      loadConfig({ VAPID_PUBLIC_KEY: other.publicKey, VAPID_PRIVATE_KEY: pair.privateKey }),
    ).toThrow(/non corrisponde/);
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: "abc", VAPID_PRIVATE_KEY: pair.privateKey })).toThrow(
      /VAPID_PUBLIC_KEY: valore non valido/,
    );
    expect(() =>
      loadConfig({ VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: `${pair.privateKey}=` }),
    ).toThrow(/VAPID_PRIVATE_KEY: valore non valido/);
  });
});
