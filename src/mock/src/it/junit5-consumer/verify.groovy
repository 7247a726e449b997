// The consumer's build log must show its tests passed (OtaJobsTest and DeclaredMockTest with failOnContractViolations
// on) and no second SLF4J provider.
def log = new File(basedir, 'build.log').text
assert log =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: .* in com\.example\.sdk\.OtaJobsTest/
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: .* in com\.example\.sdk\.DeclaredMockTest/
assert log =~ /Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: .* in com\.example\.sdk\.FirmwareClientTest/
assert !log.contains('multiple SLF4J providers')

// Every Jackson module the consumer resolved has the library's Jackson version (a mix breaks at run time;
// jackson-annotations has its own two-part version and is left out).
def deps = new File(basedir, 'target/jackson-versions.txt')
assert deps.exists()
def versions = deps.readLines()
        .findAll { it.contains('com.fasterxml.jackson') && !it.contains('jackson-annotations') }
        .collect { it.trim().split(':')[3] }
        .unique()
assert versions.size() == 1 : "Jackson versions mixed: ${versions}"
