# The site's service worker: web/sw.js with '@IADESK_BUILD@' replaced by a hash of the built
# app.js and app.wasm, so that the browser sees every new build as a new worker and the page
# can offer the update (web/sw.js). Run after each link of the app (CMakeLists.txt):
# cmake -DIN=web/sw.js -DSITE=build/web/site -P stamp_sw.cmake
file(SHA256 "${SITE}/app.js" js_hash)
file(SHA256 "${SITE}/app.wasm" wasm_hash)
string(SHA256 build "${js_hash}${wasm_hash}")
string(SUBSTRING "${build}" 0 16 build)
file(READ "${IN}" text)
string(REPLACE "@IADESK_BUILD@" "${build}" text "${text}")
file(WRITE "${SITE}/sw.js" "${text}")
