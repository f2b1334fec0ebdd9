import { describe, expect, it } from "vitest";
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
});
