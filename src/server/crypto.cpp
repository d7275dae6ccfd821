// Secrets for accounts and sessions, all from libsodium (its CSPRNG, argon2id, SHA-256).
#include "server.hpp"

#include <sodium.h>

#include <stdexcept>

namespace iadesk::server {

std::string random_hex(std::size_t bytes) {
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    hex.pop_back();
    return hex;
}

std::string one_time_password() {
    // 31 symbols without 0/O, 1/l/I: 20 of them carry about 99 bits.
    static constexpr std::string_view alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    std::string out;
    for (int i = 0; i < 20; ++i)
        out += alphabet[randombytes_uniform(static_cast<uint32_t>(alphabet.size()))];
    return out;
}

std::string hash_password(std::string_view password) {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("crypto_pwhash_str_alg: out of memory");
    return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
    std::string h(hash); // NUL-terminated for libsodium
    return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

std::string sha256_hex(std::string_view data) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

bool equal_constant_time(std::string_view a, std::string_view b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

nlohmann::json error_json(const ApiError& e) { return {{"error", e.nb}, {"error_en", e.en}}; }

} // namespace iadesk::server
