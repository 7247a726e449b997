@gateway-auth
Feature: Gateway authentication
  Behind an EnOS API gateway, a call needs an access token from the APIM token service and a signature over the
  request (APIM "Get Access Token" and "Invoking API with Access Token"). These scenarios check that the gateway
  refuses what it should; they run when the run itself authenticates (--auth token or --auth poseidon). A refused
  call is expected as HTTP 401 or 403; another form of refusal is recorded as an observation.

  Rule: AUTH-NO-TOKEN A call without gateway credentials is refused

    Scenario: A call without credentials is refused
      When I read a job without credentials
      Then the call is refused

  Rule: AUTH-FORGED-TOKEN A call with an access token the gateway did not issue is refused

    Scenario: A made-up token in the token service's form is refused
      When I read a job with a made-up access token in the form the token service issues
      Then the call is refused

    Scenario: A made-up token in the form the EnOS client sends is refused
      When I read a job with a made-up access token in the form the EnOS client sends
      Then the call is refused

  Rule: AUTH-BAD-SIGNATURE A call whose apim-signature does not match the request is refused

    Scenario: A valid token with the signature of another request is refused
      When I read a job with a valid access token and a signature of another request
      Then the call is refused

  Rule: AUTH-TOKEN-ENCRYPTION The token service refuses a token request whose encryption is wrong

    Scenario: A wrong encryption gets no token
      When I ask the token service for a token with a wrong encryption
      Then no token is issued

  Rule: AUTH-TOKEN-SHAPE The token service answers status 0, a msg, and data with accessToken and expire

    Scenario: The token answer has its documented fields
      When I ask the token service for a token
      Then the token answer has status 0, a msg, and data with the accessToken and its expire in seconds
