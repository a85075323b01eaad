#!/usr/bin/env python3
# Microsoft's "Client application sample" for the HDInsight Kafka REST proxy
# (seed 004; learn.microsoft.com/azure/hdinsight/kafka/rest-proxy), run
# against this gateway. The flow and the requests are Microsoft's: get an
# OAuth token with the client-credentials grant, create a topic, wait until
# it is listed, produce the sample payload, consume it page by page with the
# NextOffset header, list the partitions and read one.
#
# What changed from the sample:
#   - the endpoints (token endpoint, scope, REST proxy URL) and the client come
#     from arguments or environment variables instead of constants in the file;
#   - the token is fetched with `requests` (a form POST to the token endpoint,
#     as the sample's curl variant does) instead of msal, so any OAuth2 issuer
#     works, Microsoft Entra ID included;
#   - every step that fails ends the script with a non-zero exit code, and it
#     checks the topic list right away instead of sleeping 30 seconds first.
#
# Usage:
#   python3 kafka_rest_proxy_sample.py --token-endpoint https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token \
#       --client-id <app id> --client-secret <secret> --endpoint https://<cluster>-kafkarest.azurehdinsight.net
#   (or AZURE_TOKEN_ENDPOINT, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_SCOPE, KAFKAREST_ENDPOINT);
#   --resource <uri> (AZURE_RESOURCE) asks for a token by resource instead of scope (Entra v1 endpoints).

import argparse
import json
import os
import random
import string
import sys
import time

import requests


def get_random_string():
    letters = string.ascii_letters
    random_string = ''.join(random.choice(letters) for i in range(7))

    return random_string


def fail(what, response):
    print(what + ": HTTP " + str(response.status_code) + " " + response.text)
    sys.exit(1)


#--------------------------Configure these properties-------------------------------#
parser = argparse.ArgumentParser(description="HDInsight Kafka REST proxy sample")
parser.add_argument("--token-endpoint", default=os.environ.get("AZURE_TOKEN_ENDPOINT"), help="OAuth2 token endpoint, e.g. https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token")
parser.add_argument("--client-id", default=os.environ.get("AZURE_CLIENT_ID"), help="Your client application id")
parser.add_argument("--client-secret", default=os.environ.get("AZURE_CLIENT_SECRET"), help="Your client credentials")
parser.add_argument("--scope", default=os.environ.get("AZURE_SCOPE", "https://hib.azurehdinsight.net/.default"), help="Scope of the token (the proxy's resource + /.default)")
parser.add_argument("--resource", default=os.environ.get("AZURE_RESOURCE"), help="Ask for a token for this resource instead of a scope (Entra v1 token endpoints, as the older adal sample does)")
parser.add_argument("--endpoint", default=os.environ.get("KAFKAREST_ENDPOINT"), help="Kafka REST proxy endpoint, e.g. https://<clustername>-kafkarest.azurehdinsight.net")
parser.add_argument("--topic", default=None, help="Topic to create and use (default: hello_topic_<random>)")
args = parser.parse_args()
for name in ("token_endpoint", "client_id", "client_secret", "endpoint"):
    if not getattr(args, name):
        parser.error("--" + name.replace("_", "-") + " is required")

client_id = args.client_id
client_secret = args.client_secret
kafkarest_endpoint = args.endpoint.rstrip("/")
#--------------------------Configure these properties-------------------------------#

# Get access token
scope = args.scope
token_request = {
    "client_id": client_id,
    "client_secret": client_secret,
    "grant_type": "client_credentials",
}
if args.resource:
    token_request["resource"] = args.resource
else:
    token_request["scope"] = scope
token_response = requests.post(args.token_endpoint, data=token_request, timeout=10)
if not token_response.ok:
    fail("Getting a token failed", token_response)
accessToken = token_response.json()["access_token"]
verify_https = True
request_timeout = 10

# Print access token
print("Access token: " + accessToken)

# API format
api_version = 'v1'
api_format = kafkarest_endpoint + '/{api_version}/{rest_api}'
get_topic_api = 'metadata/topics'
topic_api_format = 'topics/{topic_name}'
producer_api_format = 'producer/topics/{topic_name}'
consumer_api_format = 'consumer/topics/{topic_name}/partitions/{partition_id}/offsets/{offset}?count={count}'  # by default count = 1
partitions_api_format = 'metadata/topics/{topic_name}/partitions'
partition_api_format = 'metadata/topics/{topic_name}/partitions/{partition_id}'

# Request header
headers = {
    'Authorization': 'Bearer ' + accessToken,
    'Content-type': 'application/json'          # set Content-type to 'application/json'
}

# New topic
new_topic = args.topic or 'hello_topic_' + get_random_string()
print("Topic " + new_topic + " is going to be used for demo.")

topics = []

# Create a  new topic
# Example of topic config
topic_config = {
    "partition_count": 1,
    "replication_factor": 1,
    "topic_properties": {
        "retention.ms": 604800000,
        "min.insync.replicas": "1"
    }
}

create_topic_url = api_format.format(api_version=api_version, rest_api=topic_api_format.format(topic_name=new_topic))
response = requests.put(create_topic_url, headers=headers, json=topic_config, timeout=request_timeout, verify=verify_https)
print(response.content)

if response.ok:
    for attempt in range(30):
        # List Topic
        get_topic_url = api_format.format(api_version=api_version, rest_api=get_topic_api)

        response = requests.get(get_topic_url, headers={'Authorization': 'Bearer ' + accessToken}, timeout=request_timeout, verify=verify_https)
        if not response.ok:
            fail("Listing topics failed", response)
        topic_list = response.json()
        topics = topic_list.get("topics", [])
        if new_topic in topics:
            break
        print("The new topic " + new_topic + " is not visible yet. sleep 1 second...")
        time.sleep(1)
    else:
        print("Topic " + new_topic + " never showed up in the topic list. Exit.")
        sys.exit(1)
else:
    fail("Topic " + new_topic + " was not created", response)

# Produce messages to new_topic
# Example payload of Producer REST API
payload_json = {
    "records": [
        {
            "key": "key1",
            "value": "**********"         # A string
        },
        {
            "partition": 0,
            "value": 5                    # An integer
        },
        {
            "value": 3.14                 # A floating number
        },
        {
            "value": {                    # A JSON object
                "id": 1,
                "name": "HDInsight Kafka REST proxy"
            }
        },
        {
            "value": [                    # A list of JSON objects
                {
                    "id": 1,
                    "name": "HDInsight Kafka REST proxy 1"
                },
                {
                    "id": 2,
                    "name": "HDInsight Kafka REST proxy 2"
                },
                {
                    "id": 3,
                    "name": "HDInsight Kafka REST proxy 3"
                }
            ]
        },
        {
            "value": {                  # A nested JSON object
                "group id": 1,
                "HDI Kafka REST": {
                    "id": 1,
                    "name": "HDInsight Kafka REST proxy 1"
                },
                "HDI Kafka REST server info": {
                    "id": 1,
                    "name": "HDInsight Kafka REST proxy 1",
                    "servers": [
                        {
                            "server id": 1,
                            "server name": "HDInsight Kafka REST proxy server 1"
                        },
                        {
                            "server id": 2,
                            "server name": "HDInsight Kafka REST proxy server 2"
                        },
                        {
                            "server id": 3,
                            "server name": "HDInsight Kafka REST proxy server 3"
                        }
                    ]
                }
            }
        }
    ]
}

print("Payloads in a Producer request: \n", payload_json)
producer_url = api_format.format(api_version=api_version, rest_api=producer_api_format.format(topic_name=new_topic))
response = requests.post(producer_url, headers=headers, json=payload_json, timeout=request_timeout, verify=verify_https)
print(response.content)
if not response.ok:
    fail("Producing failed", response)

# Consume messages from the topic
partition_id = 0
offset = 0
count = 2
consumed = []

while True:
    consumer_url = api_format.format(api_version=api_version, rest_api=consumer_api_format.format(topic_name=new_topic, partition_id=partition_id, offset=offset, count=count))
    print("Consuming " + str(count) + " messages from offset " + str(offset))

    response = requests.get(consumer_url, headers=headers, timeout=request_timeout, verify=verify_https)

    if response.ok:
        messages = response.json()
        print("Consumed messages: \n" + json.dumps(messages, indent=2))
        consumed.extend(messages.get("records", []))
        next_offset = response.headers.get("NextOffset")
        if offset == next_offset or not messages.get("records", []):
            print("Consumer caught up with producer. Exit for now...")
            break

        offset = next_offset

    else:
        fail("Consuming failed", response)

print("Consumed " + str(len(consumed)) + " records from " + new_topic)

# List partitions
get_partitions_url = api_format.format(api_version=api_version, rest_api=partitions_api_format.format(topic_name=new_topic))
print("Fetching partitions from  " + get_partitions_url)

response = requests.get(get_partitions_url, headers={'Authorization': 'Bearer ' + accessToken}, timeout=request_timeout, verify=verify_https)
if not response.ok:
    fail("Listing partitions failed", response)
partition_list = response.json()
print("Partition list: \n" + json.dumps(partition_list, indent=2))

# List a partition
get_partition_url = api_format.format(api_version=api_version, rest_api=partition_api_format.format(topic_name=new_topic, partition_id=partition_id))
print("Fetching metadata of a partition from  " + get_partition_url)

response = requests.get(get_partition_url, headers={'Authorization': 'Bearer ' + accessToken}, timeout=request_timeout, verify=verify_https)
if not response.ok:
    fail("Reading a partition failed", response)
partition = response.json()
print("Partition metadata: \n" + json.dumps(partition, indent=2))
