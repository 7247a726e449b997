// The consumer's build log must show the plugin started the mock on a free port before the integration test, the
// test passed against it, and the mock stopped after it.
def log = new File(basedir, 'build.log').text
def started = log =~ /EnOS OTA mock: listening on http:\/\/127\.0\.0\.1:([0-9]+) \(EnOS 2\.4, profile \[default, enos-2\.4\]\)/
assert started.find() : 'the start goal did not log where the mock listens'
assert (started.group(1) as int) > 0
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains("EnOS OTA mock: stopped (was on http://127.0.0.1:${started.group(1)})")
assert log.indexOf('EnOS OTA mock: listening') < log.indexOf('Tests run: 1')
assert log.indexOf('Tests run: 1') < log.indexOf('EnOS OTA mock: stopped')
