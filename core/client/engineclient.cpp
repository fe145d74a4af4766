#include "client/engineclient.h"

// The interface has no code of its own; this file anchors its meta-object.
