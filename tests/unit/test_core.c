/*
 * test_core.c -- allocation, buffers and escapers, UTF-8, hashing.
 */
#include "testutil.h"

#include "core.h"

static void test_core_utf8_accepts_text(void **state)
{
	const char s[] = "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x98\x80";

	(void)state;
	assert_int_equal(qg_utf8_check(s, sizeof(s) - 1), sizeof(s) - 1);
}

static void test_core_utf8_rejects_bad_bytes(void **state)
{
	(void)state;
	/* NUL, lone continuation, overlong slash, surrogate, truncated */
	assert_int_equal(qg_utf8_check("ab\0cd", 5), 2);
	assert_int_equal(qg_utf8_check("ab\x80", 3), 2);
	assert_int_equal(qg_utf8_check("\xc0\xaf", 2), 0);
	assert_int_equal(qg_utf8_check("x\xed\xa0\x80", 4), 1);
	assert_int_equal(qg_utf8_check("xy\xe2\x80", 4), 2);
	assert_int_equal(qg_utf8_check("\xf5\x80\x80\x80", 4), 0);
}

static void test_core_utf8_decodes_both_ways(void **state)
{
	const char s[] = "a\xe2\x80\x9d" "b";
	size_t i = 1, j;
	char enc[4];

	(void)state;
	assert_int_equal(qg_utf8_next(s, 5, &i), 0x201D);
	assert_int_equal(i, 4);
	j = i;
	assert_int_equal(qg_utf8_prev(s, &j), 0x201D);
	assert_int_equal(j, 1);
	assert_int_equal(qg_utf8_encode(0x201D, enc), 3);
	assert_memory_equal(enc, s + 1, 3);
}

static void test_core_buf_escapes_json(void **state)
{
	qg_buf b = QG_BUF_INIT;

	(void)state;
	assert_int_equal(qg_buf_json_str(&b, "a\"b\\c\n\x01"), QG_OK);
	assert_string_equal(b.data, "\"a\\\"b\\\\c\\n\\u0001\"");
	qg_buf_reset(&b);
	assert_int_equal(qg_buf_json_str(&b, NULL), QG_OK);
	assert_string_equal(b.data, "null");
	qg_buf_dispose(&b);
}

static void test_core_buf_escapes_html_and_csv(void **state)
{
	qg_buf b = QG_BUF_INIT;

	(void)state;
	assert_int_equal(qg_buf_html(&b, "<script>x='1'&\"</script>"), QG_OK);
	assert_string_equal(b.data,
	    "&lt;script&gt;x=&#39;1&#39;&amp;&quot;&lt;/script&gt;");
	qg_buf_reset(&b);
	assert_int_equal(qg_buf_csv(&b, "plain"), QG_OK);
	assert_int_equal(qg_buf_csv(&b, ",\"q\""), QG_OK);
	assert_string_equal(b.data, "plain\",\"\"q\"\"\"");
	qg_buf_dispose(&b);
}

static void test_core_buf_respects_cap(void **state)
{
	qg_buf b;

	(void)state;
	qg_buf_init(&b, 8);
	assert_int_equal(qg_buf_addstr(&b, "12345678"), QG_OK);
	assert_int_equal(qg_buf_addc(&b, '9'), QG_ERR_NOMEM);
	assert_int_equal(b.len, 8);
	qg_buf_dispose(&b);
}

static void test_core_sha256_known_vectors(void **state)
{
	char hex[QG_SHA256_HEX];

	(void)state;
	qg_sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb924"
	                         "27ae41e4649b934ca495991b7852b855");
	qg_sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
	                         "b00361a396177a9cb410ff61f20015ad");
	/* 56 bytes: the length no longer fits the first block */
	qg_sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	              56, hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039"
	                         "a33ce45964ff2167f6ecedd419db06c1");
}

/* FIPS 180-2's long message, a million 'a': whole blocks are hashed in
 * place, and an odd offset (a start not on a word boundary) must not
 * matter. */
static void test_core_sha256_long_input(void **state)
{
	size_t n = 1000000;
	char *a = malloc(n + 1);
	char hex[QG_SHA256_HEX];

	(void)state;
	assert_non_null(a);
	memset(a, 'a', n + 1);
	qg_sha256_hex(a, n, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
	                         "f1809a48a497200e046d39ccc7112cd0");
	qg_sha256_hex(a + 1, n, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
	                         "f1809a48a497200e046d39ccc7112cd0");
	free(a);
}

/* Bytes that differ from block to block and lengths around block ends,
 * where the whole blocks hashed in place (by the CPU's SHA instructions
 * when it has them) meet the copied tail. Expected values from Python's
 * hashlib.sha256 over bytes (7 * i + 3) % 256. */
static void test_core_sha256_block_ends(void **state)
{
	static const struct {
		size_t len;
		const char *hex;
	} want[] = {
		{63, "81c80242132f230c3bd41b3e63bbcff1"
		     "6107339549214a99614ff26664625055"},
		{64, "39e3d7b6b5d075d37d053ad89b24b41b"
		     "ef4f3c29760c84447cab3f3be1882241"},
		{65, "aacca6ff74fdbb296d165a45cecfa04e"
		     "5127bc008770fbbdd48006f2d2fae95e"},
		{127, "a8d23e75d936f303d248888d9b165ee5"
		      "43f4cbafcad3c9dd2a79bd84faa11d07"},
		{128, "d2742f1f4ac6bb7ca2b239ee18402ba8"
		      "b3f9f8e652d2a72973c2b9ba11c08cf6"},
		{129, "307f8fc2c1622b92762e818d39a185d4"
		      "d667ad49a4b07ceae1f4afa008a93ec4"},
		{1000, "1e9bc38cbf860b9ec31918b065f9b524"
		       "76c549a782e0e7990bed8ce3868d2371"},
	};
	unsigned char data[1000];
	char hex[QG_SHA256_HEX];

	(void)state;
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)((7 * i + 3) % 256);
	for (size_t i = 0; i < QG_ARRAY_LEN(want); i++) {
		qg_sha256_hex(data, want[i].len, hex);
		assert_string_equal(hex, want[i].hex);
	}
}

static void test_core_arena_frees_all(void **state)
{
	qg_arena *a;

	(void)state;
	qg_test_alloc_start(0);
	a = qg_arena_new();
	assert_non_null(a);
	for (int i = 0; i < 1000; i++)
		assert_non_null(qg_arena_strdup(a, "a string of some length"));
	assert_non_null(qg_arena_alloc(a, 100000));
	qg_arena_free(a);
	assert_int_equal(qg_test_alloc_stop(), 0);
}

static void test_core_buf_survives_failed_allocations(void **state)
{
	(void)state;
	/* fail each allocation in turn: the result is an error, never a leak */
	for (long n = 1; n < 6; n++) {
		qg_buf b = QG_BUF_INIT;
		qg_status rc = QG_OK;

		qg_test_alloc_start(n);
		for (int i = 0; i < 200 && rc == QG_OK; i++)
			rc = qg_buf_addstr(&b, "0123456789");
		assert_int_equal(rc, QG_ERR_NOMEM);
		qg_buf_dispose(&b);
		assert_int_equal(qg_test_alloc_stop(), 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_core_utf8_accepts_text),
		cmocka_unit_test(test_core_utf8_rejects_bad_bytes),
		cmocka_unit_test(test_core_utf8_decodes_both_ways),
		cmocka_unit_test(test_core_buf_escapes_json),
		cmocka_unit_test(test_core_buf_escapes_html_and_csv),
		cmocka_unit_test(test_core_buf_respects_cap),
		cmocka_unit_test(test_core_sha256_known_vectors),
		cmocka_unit_test(test_core_sha256_long_input),
		cmocka_unit_test(test_core_sha256_block_ends),
		cmocka_unit_test(test_core_arena_frees_all),
		cmocka_unit_test(test_core_buf_survives_failed_allocations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
